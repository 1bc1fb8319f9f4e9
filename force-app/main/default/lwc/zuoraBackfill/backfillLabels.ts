/**
 * The user-visible strings of the backfill admin page, as custom labels (translatable in Setup).
 * Source of truth: force-app/main/default/labels/CustomLabels.labels-meta.xml (Zuora_Backfill_*).
 */
import title from '@salesforce/label/c.Zuora_Backfill_Title';
import intro from '@salesforce/label/c.Zuora_Backfill_Intro';
import startDryRun from '@salesforce/label/c.Zuora_Backfill_Start_Dry_Run';
import startApply from '@salesforce/label/c.Zuora_Backfill_Start_Apply';
import refresh from '@salesforce/label/c.Zuora_Backfill_Refresh';
import resume from '@salesforce/label/c.Zuora_Backfill_Resume';
import applyApproved from '@salesforce/label/c.Zuora_Backfill_Apply_Approved';
import exportCsv from '@salesforce/label/c.Zuora_Backfill_Export';
import approve from '@salesforce/label/c.Zuora_Backfill_Approve';
import reject from '@salesforce/label/c.Zuora_Backfill_Reject';
import noRun from '@salesforce/label/c.Zuora_Backfill_No_Run';
import runSummary from '@salesforce/label/c.Zuora_Backfill_Run_Summary';
import nextRetry from '@salesforce/label/c.Zuora_Backfill_Next_Retry';
import pagesRead from '@salesforce/label/c.Zuora_Backfill_Pages_Read';
import accountsRead from '@salesforce/label/c.Zuora_Backfill_Accounts_Read';
import matched from '@salesforce/label/c.Zuora_Backfill_Matched';
import ambiguous from '@salesforce/label/c.Zuora_Backfill_Ambiguous';
import noMatch from '@salesforce/label/c.Zuora_Backfill_No_Match';
import linkedElsewhere from '@salesforce/label/c.Zuora_Backfill_Linked_Elsewhere';
import linked from '@salesforce/label/c.Zuora_Backfill_Linked';
import failed from '@salesforce/label/c.Zuora_Backfill_Failed';
import needsReview from '@salesforce/label/c.Zuora_Backfill_Needs_Review';
import reviewTitle from '@salesforce/label/c.Zuora_Backfill_Review_Title';
import reviewNone from '@salesforce/label/c.Zuora_Backfill_Review_None';
import chooseAccount from '@salesforce/label/c.Zuora_Backfill_Choose_Account';
import zuoraAccount from '@salesforce/label/c.Zuora_Backfill_Zuora_Account';
import toastTitle from '@salesforce/label/c.Zuora_Backfill_Toast_Title';
import started from '@salesforce/label/c.Zuora_Backfill_Started';
import reviewed from '@salesforce/label/c.Zuora_Backfill_Reviewed';
import applying from '@salesforce/label/c.Zuora_Backfill_Applying';
import resumed from '@salesforce/label/c.Zuora_Backfill_Resumed';
import exported from '@salesforce/label/c.Zuora_Backfill_Exported';

export const BACKFILL_LABELS = {
    title,
    intro,
    startDryRun,
    startApply,
    refresh,
    resume,
    applyApproved,
    exportCsv,
    approve,
    reject,
    noRun,
    runSummary,
    nextRetry,
    pagesRead,
    accountsRead,
    matched,
    ambiguous,
    noMatch,
    linkedElsewhere,
    linked,
    failed,
    needsReview,
    reviewTitle,
    reviewNone,
    chooseAccount,
    zuoraAccount,
    toastTitle,
    started,
    reviewed,
    applying,
    resumed,
    exported
};

/**
 * Every user-visible string of the Zuora Account Link components, as custom labels (translatable in Setup).
 * Source of truth: force-app/main/default/labels/CustomLabels.labels-meta.xml.
 */
import createInZuora from '@salesforce/label/c.Zuora_Button_Create';
import cancel from '@salesforce/label/c.Zuora_Button_Cancel';
import close from '@salesforce/label/c.Zuora_Button_Close';
import errorTitle from '@salesforce/label/c.Zuora_Error_Title';
import loading from '@salesforce/label/c.Zuora_Loading';
import panelTitle from '@salesforce/label/c.Zuora_Panel_Title';
import fieldStatus from '@salesforce/label/c.Zuora_Field_Status';
import fieldAccountNumber from '@salesforce/label/c.Zuora_Field_Account_Number';
import fieldSubscriptionNumber from '@salesforce/label/c.Zuora_Field_Subscription_Number';
import fieldLinkedAt from '@salesforce/label/c.Zuora_Field_Linked_At';
import fieldLastSync from '@salesforce/label/c.Zuora_Field_Last_Sync';
import fieldLastError from '@salesforce/label/c.Zuora_Field_Last_Error';
import fieldTraceId from '@salesforce/label/c.Zuora_Field_Trace_Id';
import never from '@salesforce/label/c.Zuora_Never';
import syncNow from '@salesforce/label/c.Zuora_Button_Sync_Now';
import syncNotInstalled from '@salesforce/label/c.Zuora_Sync_Not_Installed';
import syncCooldown from '@salesforce/label/c.Zuora_Sync_Cooldown';
import provisioningInProgress from '@salesforce/label/c.Zuora_Provisioning_In_Progress';
import syncToastTitle from '@salesforce/label/c.Zuora_Sync_Toast_Title';
import syncToastSent from '@salesforce/label/c.Zuora_Sync_Toast_Sent';
import createdTitle from '@salesforce/label/c.Zuora_Toast_Created_Title';
import failedTitle from '@salesforce/label/c.Zuora_Toast_Failed_Title';
import flowTitle from '@salesforce/label/c.Zuora_Flow_Title';
import stepDuplicates from '@salesforce/label/c.Zuora_Step_Duplicates';
import stepPlan from '@salesforce/label/c.Zuora_Step_Plan';
import stepReview from '@salesforce/label/c.Zuora_Step_Review';
import stepProgress from '@salesforce/label/c.Zuora_Step_Progress';
import dupChecking from '@salesforce/label/c.Zuora_Dup_Checking';
import dupNone from '@salesforce/label/c.Zuora_Dup_None';
import dupFound from '@salesforce/label/c.Zuora_Dup_Found';
import dupZuoraFound from '@salesforce/label/c.Zuora_Dup_Zuora_Found';
import dupLookupError from '@salesforce/label/c.Zuora_Dup_Lookup_Error';
import dupConfirm from '@salesforce/label/c.Zuora_Dup_Confirm';
import dupConfirmRequired from '@salesforce/label/c.Zuora_Dup_Confirm_Required';
import colRecord from '@salesforce/label/c.Zuora_Col_Record';
import colType from '@salesforce/label/c.Zuora_Col_Type';
import colReason from '@salesforce/label/c.Zuora_Col_Reason';
import colDetail from '@salesforce/label/c.Zuora_Col_Detail';
import colAccountNumber from '@salesforce/label/c.Zuora_Col_Account_Number';
import colName from '@salesforce/label/c.Zuora_Col_Name';
import colStatus from '@salesforce/label/c.Zuora_Col_Status';
import colCurrency from '@salesforce/label/c.Zuora_Col_Currency';
import back from '@salesforce/label/c.Zuora_Button_Back';
import next from '@salesforce/label/c.Zuora_Button_Next';
import fieldBillTo from '@salesforce/label/c.Zuora_Field_Bill_To';
import fieldPlan from '@salesforce/label/c.Zuora_Field_Plan';
import fieldQuantity from '@salesforce/label/c.Zuora_Field_Quantity';
import fieldCurrency from '@salesforce/label/c.Zuora_Field_Currency';
import fieldTermType from '@salesforce/label/c.Zuora_Field_Term_Type';
import termTermed from '@salesforce/label/c.Zuora_Term_Termed';
import termEvergreen from '@salesforce/label/c.Zuora_Term_Evergreen';
import fieldInitialTerm from '@salesforce/label/c.Zuora_Field_Initial_Term';
import fieldRenewalTerm from '@salesforce/label/c.Zuora_Field_Renewal_Term';
import fieldStartDate from '@salesforce/label/c.Zuora_Field_Start_Date';
import fieldBillingAddress from '@salesforce/label/c.Zuora_Field_Billing_Address';
import noContacts from '@salesforce/label/c.Zuora_No_Contacts';
import noPlans from '@salesforce/label/c.Zuora_No_Plans';
import validationContact from '@salesforce/label/c.Zuora_Validation_Contact';
import validationContactEmail from '@salesforce/label/c.Zuora_Validation_Contact_Email';
import validationPlan from '@salesforce/label/c.Zuora_Validation_Plan';
import validationQuantity from '@salesforce/label/c.Zuora_Validation_Quantity';
import validationCurrency from '@salesforce/label/c.Zuora_Validation_Currency';
import validationCountry from '@salesforce/label/c.Zuora_Validation_Country';
import validationCountryUnknown from '@salesforce/label/c.Zuora_Validation_Country_Unknown';
import validationState from '@salesforce/label/c.Zuora_Validation_State';
import validationTerm from '@salesforce/label/c.Zuora_Validation_Term';
import validationStartDate from '@salesforce/label/c.Zuora_Validation_Start_Date';
import reviewIntro from '@salesforce/label/c.Zuora_Review_Intro';
import reviewNewMatches from '@salesforce/label/c.Zuora_Review_New_Matches';
import submitting from '@salesforce/label/c.Zuora_Submitting';
import progressStatus from '@salesforce/label/c.Zuora_Progress_Status';
import progressTimeout from '@salesforce/label/c.Zuora_Progress_Timeout';
import resultSuccess from '@salesforce/label/c.Zuora_Result_Success';
import resultFailed from '@salesforce/label/c.Zuora_Result_Failed';
import nextRetry from '@salesforce/label/c.Zuora_Next_Retry';
import reusedAttempt from '@salesforce/label/c.Zuora_Reused_Attempt';
import syncTitle from '@salesforce/label/c.Zuora_Sync_Title';
import syncPickAccount from '@salesforce/label/c.Zuora_Sync_Pick_Account';
import syncPickHelp from '@salesforce/label/c.Zuora_Sync_Pick_Help';
import syncIntro from '@salesforce/label/c.Zuora_Sync_Intro';
import syncLimit from '@salesforce/label/c.Zuora_Sync_Limit';
import syncSelectedCount from '@salesforce/label/c.Zuora_Sync_Selected_Count';
import syncBlockedSelected from '@salesforce/label/c.Zuora_Sync_Blocked_Selected';
import syncNone from '@salesforce/label/c.Zuora_Sync_None';
import syncSelected from '@salesforce/label/c.Zuora_Button_Sync_Selected';
import syncSummary from '@salesforce/label/c.Zuora_Sync_Summary';
import colAccount from '@salesforce/label/c.Zuora_Col_Account';
import colZuoraNumber from '@salesforce/label/c.Zuora_Col_Zuora_Number';
import colLinkStatus from '@salesforce/label/c.Zuora_Col_Link_Status';
import colLastSyncStatus from '@salesforce/label/c.Zuora_Col_Last_Sync_Status';
import colLastSyncAt from '@salesforce/label/c.Zuora_Col_Last_Sync_At';
import colNote from '@salesforce/label/c.Zuora_Col_Note';
import colResult from '@salesforce/label/c.Zuora_Col_Result';
import retry from '@salesforce/label/c.Zuora_Button_Retry';
import stepWaiting from '@salesforce/label/c.Zuora_Step_Waiting';
import reviewTermed from '@salesforce/label/c.Zuora_Review_Term_Termed';
import planUnavailable from '@salesforce/label/c.Zuora_Plan_Unavailable';

export const LABELS = {
    createInZuora,
    cancel,
    close,
    errorTitle,
    loading,
    panelTitle,
    fieldStatus,
    fieldAccountNumber,
    fieldSubscriptionNumber,
    fieldLinkedAt,
    fieldLastSync,
    fieldLastError,
    fieldTraceId,
    never,
    syncNow,
    syncNotInstalled,
    syncCooldown,
    provisioningInProgress,
    syncToastTitle,
    syncToastSent,
    createdTitle,
    failedTitle,
    flowTitle,
    stepDuplicates,
    stepPlan,
    stepReview,
    stepProgress,
    dupChecking,
    dupNone,
    dupFound,
    dupZuoraFound,
    dupLookupError,
    dupConfirm,
    dupConfirmRequired,
    colRecord,
    colType,
    colReason,
    colDetail,
    colAccountNumber,
    colName,
    colStatus,
    colCurrency,
    back,
    next,
    fieldBillTo,
    fieldPlan,
    fieldQuantity,
    fieldCurrency,
    fieldTermType,
    termTermed,
    termEvergreen,
    fieldInitialTerm,
    fieldRenewalTerm,
    fieldStartDate,
    fieldBillingAddress,
    noContacts,
    noPlans,
    validationContact,
    validationContactEmail,
    validationPlan,
    validationQuantity,
    validationCurrency,
    validationCountry,
    validationCountryUnknown,
    validationState,
    validationTerm,
    validationStartDate,
    reviewIntro,
    reviewNewMatches,
    submitting,
    progressStatus,
    progressTimeout,
    resultSuccess,
    resultFailed,
    nextRetry,
    reusedAttempt,
    syncTitle,
    syncPickAccount,
    syncPickHelp,
    syncIntro,
    syncLimit,
    syncSelectedCount,
    syncBlockedSelected,
    syncNone,
    syncSelected,
    syncSummary,
    colAccount,
    colZuoraNumber,
    colLinkStatus,
    colLastSyncStatus,
    colLastSyncAt,
    colNote,
    colResult,
    retry,
    stepWaiting,
    reviewTermed,
    planUnavailable
} as const;

/**
 * Fills `{0}`, `{1}`, … in a label with the given values (missing values become empty strings), the way
 * Apex `String.format` does, so translated labels can reorder the placeholders.
 */
export function formatLabel(label: string, ...values: Array<string | number | null | undefined>): string {
    return label.replace(/\{(\d+)\}/g, (_match: string, index: string) => {
        const value = values[Number(index)];
        return value === null || value === undefined ? '' : String(value);
    });
}

/**
 * Every named state of every component the preview renders (`?c=<component>&state=<name>`) and preview:check
 * renders, checks and photographs. Apex answers are the shared fixtures (force-app/test/fixtures), typed against
 * the DTO contract; `steps` are the user's actions that lead from the first render to the state.
 */
import {
    ACCOUNT_ID,
    CONTACT_ID,
    SEATS_PLAN,
    FLAT_PLAN,
    BILLING_HEALTH_STATES,
    apexError,
    attempt,
    backfillDecision,
    backfillLinkedElsewhere,
    backfillProgress,
    catalog,
    contacts,
    domainMatch,
    duplicatesFound,
    emailMatch,
    failedAttempt,
    failedLink,
    linked,
    noDuplicates,
    notLinked,
    pending,
    succeededAttempt,
    syncAccountId,
    syncCandidate,
    syncOutcome,
    zuoraAccountSummary
} from '../../../force-app/test/fixtures/zuora-fixtures';
import { NEVER } from './standins/runtime';

/** The preview UI helpers a step may use (scripts/preview/app/main.js). */
export interface PreviewUi {
    click(dataId: string): Promise<void>;
    change(field: string, value: string): Promise<void>;
    check(dataId: string, checked?: boolean): Promise<void>;
    selectRows(accountIds: string[]): Promise<void>;
    find(selector: string): HTMLElement;
    settle(rounds?: number): Promise<void>;
}

type Answer<R> = R | typeof NEVER | { apexError: unknown } | ((params: Record<string, unknown>) => R | typeof NEVER);

/** Canned answers by Apex method, each typed as the DTO that method returns. */
export interface ApexAnswers {
    'ZuoraAccountController.getLinkState'?: Answer<AccountLinkState>;
    'ZuoraAccountController.getProvisioningStatus'?: Answer<ProvisioningStatus>;
    'ZuoraAccountController.checkDuplicates'?: Answer<DuplicateCheckResult>;
    'ZuoraAccountController.getBillToContacts'?: Answer<ContactOption[]>;
    'ZuoraAccountController.getCatalog'?: Answer<CatalogResult>;
    'ZuoraAccountController.startProvisioning'?: Answer<ProvisioningStatus>;
    'ZuoraSyncController.getSyncCandidates'?: Answer<SyncCandidate[]>;
    'ZuoraSyncController.syncAccounts'?: Answer<SyncOutcome[]>;
    'BackfillController.startRun'?: Answer<BackfillProgress>;
    'BackfillController.getProgress'?: Answer<BackfillProgress>;
    'BackfillController.getDecisions'?: Answer<BackfillDecisionRow[]>;
    'BackfillController.reviewDecision'?: Answer<BackfillDecisionRow>;
    'BackfillController.applyApproved'?: Answer<BackfillProgress>;
    'BackfillController.resumeRun'?: Answer<BackfillProgress>;
    'BackfillController.exportCsv'?: Answer<string>;
}

export interface PreviewState {
    component:
        | 'zuoraAccountPanel'
        | 'zuoraProvisioning'
        | 'zuoraSyncAccounts'
        | 'zuoraStatusBadge'
        | 'zuoraBillingHealth'
        | 'zuoraBackfill';
    name: string;
    /** What the state shows (index page, report). */
    title: string;
    /** Where Lightning Experience puts the component. */
    frame: 'record-page' | 'app-page' | 'quick-action';
    props?: Record<string, unknown>;
    apex?: ApexAnswers;
    steps?: Array<(ui: PreviewUi) => Promise<void>>;
    width?: number;
}

const failure = (message: string) => ({ apexError: apexError(message) });

/** The answers the provisioning flow needs: no duplicates, two contacts, the three-plan catalog. */
function flowApex(overrides: ApexAnswers = {}): ApexAnswers {
    return {
        'ZuoraAccountController.checkDuplicates': noDuplicates(),
        'ZuoraAccountController.getBillToContacts': contacts(),
        'ZuoraAccountController.getCatalog': () => catalog(),
        'ZuoraAccountController.startProvisioning': attempt(),
        'ZuoraAccountController.getProvisioningStatus': NEVER,
        ...overrides
    };
}

/** The panel's own answers plus the inline flow's. */
function panelApex(state: Answer<AccountLinkState>, overrides: ApexAnswers = {}): ApexAnswers {
    return flowApex({
        'ZuoraAccountController.getLinkState': state,
        'ZuoraSyncController.syncAccounts': [syncOutcome(1, { accountId: ACCOUNT_ID })],
        ...overrides
    });
}

const toPlan = async (ui: PreviewUi) => ui.click('next-duplicates');
const fillPlan = async (ui: PreviewUi) => {
    await ui.change('billToContactId', CONTACT_ID);
    await ui.change('productRatePlanId', SEATS_PLAN.ratePlanId);
    await ui.change('quantity', '5');
};
const toReview = [toPlan, fillPlan, async (ui: PreviewUi) => ui.click('next-plan')];
const submit = async (ui: PreviewUi) => {
    await ui.click('submit');
    await ui.settle(5);
};

const qa = { frame: 'quick-action' as const, props: { recordId: ACCOUNT_ID } };
const embeddedFlow = { frame: 'record-page' as const, props: { recordId: ACCOUNT_ID, embedded: true } };
const panel = {
    component: 'zuoraAccountPanel' as const,
    frame: 'record-page' as const,
    props: { recordId: ACCOUNT_ID }
};
const sync = {
    component: 'zuoraSyncAccounts' as const,
    frame: 'record-page' as const,
    props: { recordId: ACCOUNT_ID }
};

/** A provisioned Account once startProvisioning ran: what the panel re-reads after the flow completes. */
function provisionedAfterSubmit(result: () => ProvisioningStatus, overrides: ApexAnswers = {}): ApexAnswers {
    let submitted = false;
    return panelApex(() => (submitted ? linked() : notLinked()), {
        ...overrides,
        'ZuoraAccountController.startProvisioning': () => {
            submitted = true;
            return result();
        }
    });
}

/** Related Accounts for the sync table: long names and all seven columns filled, one Account not syncable. */
function relatedAccounts(count = 5): SyncCandidate[] {
    const names = [
        'Acme Corporation (Parent)',
        'Acme Europe GmbH — Berlin Operations',
        'Acme Asia Pacific Pte. Ltd.',
        'Acme North America Retail Holdings LLC',
        'Acme Labs',
        'Acme Canada Inc.',
        'Acme Brasil Ltda.',
        'Acme Japan K.K.',
        'Acme India Private Limited'
    ];
    return Array.from({ length: count }, (_v, i) =>
        i === 4
            ? syncCandidate(i + 1, {
                  name: names[i],
                  linkStatus: 'Not Linked',
                  zuoraAccountNumber: null,
                  lastSyncStatus: null,
                  lastSyncAt: null,
                  canSync: false,
                  syncBlockedReason: 'Not linked to a Zuora account yet.'
              })
            : syncCandidate(i + 1, { name: names[i % names.length], lastSyncAt: `2026-11-${10 + i}T09:4${i}:00.000Z` })
    );
}

/** The billing health block's states (force-app/test/fixtures: BILLING_HEALTH_STATES), by preview name. */
const BILLING_HEALTH_TITLES: Record<keyof typeof BILLING_HEALTH_STATES, [string, string]> = {
    goodStanding: ['good-standing', 'Good standing: subscriptions and MRR, renewal, open balance, last payment'],
    overdue: ['overdue', 'Overdue: 1 invoice 12 days overdue, amount and oldest due date, no payment yet'],
    noInvoices: ['no-invoices', 'Subscribed, nothing invoiced or paid yet: zero balance, no payment'],
    overdueAndCollectionsInTwoCurrencies: [
        'multi-currency-collections',
        'Two currencies, never summed: EUR overdue (invoice link), USD in collections (75 days)'
    ],
    paymentsHiddenAndTruncated: [
        'payments-hidden',
        'Payments not readable by the user, more records than read (truncated note), no renewal'
    ],
    noBillingAccount: ['no-billing-account', 'Zuora 360 has no billing account for this Account'],
    notInstalled: ['not-installed', 'Zuora 360 is not installed: said in plain words'],
    noAccess: ['no-access', 'The user cannot read the Zuora 360 records: said in plain words']
};

function billingHealthStates(): PreviewState[] {
    return Object.entries(BILLING_HEALTH_TITLES).flatMap(([key, [name, title]]): PreviewState[] => {
        const health = BILLING_HEALTH_STATES[key as keyof typeof BILLING_HEALTH_STATES];
        return [
            { component: 'zuoraBillingHealth', frame: 'record-page', name, title, props: { health } },
            {
                ...panel,
                name: `billing-${name}`,
                title: `Linked, billing health inside the panel: ${title}`,
                apex: panelApex(linked({ billingHealth: health }))
            }
        ];
    });
}

const backfill = { component: 'zuoraBackfill' as const, frame: 'app-page' as const };

/** The backfill page's two reads: the run's progress and its decisions that need review. */
function backfillApex(progress: Answer<BackfillProgress>, decisions: BackfillDecisionRow[] = []): ApexAnswers {
    return { 'BackfillController.getProgress': progress, 'BackfillController.getDecisions': decisions };
}

const NO_RUN = backfillProgress({
    runId: null,
    name: null,
    mode: null,
    status: null,
    step: null,
    pagesRead: 0,
    accountsRead: 0,
    matched: 0,
    ambiguous: 0,
    noMatch: 0,
    linkedElsewhere: 0,
    needsReview: 0,
    canApply: false
});
const SCANNING = backfillProgress({
    status: 'Running',
    step: 'Scan',
    pagesRead: 1,
    accountsRead: 50,
    matched: 31,
    ambiguous: 4,
    noMatch: 14,
    linkedElsewhere: 1,
    needsReview: 5,
    active: true,
    canApply: false,
    startedAt: '2026-11-20T14:25:00.000Z'
});

/** A user action that starts a run: `answer` is what startRun returns; getProgress reads it from then on. */
function startedRun(dataId: 'start-dry-run' | 'start-apply', answer: BackfillProgress): Partial<PreviewState> {
    let started = false;
    return {
        apex: {
            ...backfillApex(() => (started ? answer : NO_RUN)),
            'BackfillController.startRun': () => {
                started = true;
                return answer;
            }
        },
        steps: [async (ui) => ui.click(dataId), async (ui) => ui.settle(5)]
    };
}

export const STATES: PreviewState[] = [
    // ---- c-zuora-account-panel (Account record page) -----------------------------------------------------------
    { ...panel, name: 'loading', title: 'getLinkState has not answered: spinner', apex: panelApex(NEVER) },
    {
        ...panel,
        name: 'error',
        title: 'getLinkState failed: the error in words',
        apex: panelApex(failure('You do not have access to the Zuora Account Link panel.'))
    },
    { ...panel, name: 'unlinked', title: 'Not linked: Create in Zuora', apex: panelApex(notLinked()) },
    {
        ...panel,
        name: 'unlinked-blocked',
        title: 'Not linked, Create disabled with the reason',
        apex: panelApex(
            notLinked({
                canProvision: false,
                provisionBlockedReason: 'You need the Zuora Provisioning permission set.'
            })
        )
    },
    {
        ...panel,
        name: 'linked',
        title: 'Linked: account and subscription numbers, dates, last sync',
        apex: panelApex(linked())
    },
    {
        ...panel,
        name: 'linked-cooldown',
        title: 'Linked, Sync now waits for the cooldown (date in the user locale)',
        apex: panelApex(linked({ canSync: false, syncAllowedAfter: '2026-11-20T14:45:00.000Z' }))
    },
    {
        ...panel,
        name: 'linked-no-zuora360',
        title: 'Linked, Zuora 360 not installed: Sync now disabled',
        apex: panelApex(linked({ syncInstalled: false, canSync: false }))
    },
    { ...panel, name: 'pending', title: 'Provisioning attempt running: progress', apex: panelApex(pending('Running')) },
    {
        ...panel,
        name: 'failed',
        title: 'Last attempt failed: error and trace id, Create again',
        apex: panelApex(failedLink())
    },
    {
        ...panel,
        name: 'flow-open',
        title: 'Create pressed: the flow inline at the duplicate check',
        apex: panelApex(notLinked()),
        steps: [async (ui) => ui.click('create')]
    },
    {
        ...panel,
        name: 'flow-duplicates',
        title: 'Inline flow: duplicates found, confirmation needed',
        apex: panelApex(notLinked(), { 'ZuoraAccountController.checkDuplicates': duplicatesFound() }),
        steps: [async (ui) => ui.click('create')]
    },
    {
        ...panel,
        name: 'flow-plan',
        title: 'Inline flow: plan step',
        apex: panelApex(notLinked()),
        steps: [async (ui) => ui.click('create'), toPlan]
    },
    {
        ...panel,
        name: 'flow-done',
        title: 'Inline flow: submit succeeded at once, done step shown',
        apex: provisionedAfterSubmit(() => succeededAttempt()),
        steps: [async (ui) => ui.click('create'), ...toReview, submit]
    },
    {
        ...panel,
        name: 'keyboard',
        title: 'Keyboard walk start: duplicates found, one contact, one plan',
        apex: provisionedAfterSubmit(() => succeededAttempt(), {
            'ZuoraAccountController.checkDuplicates': duplicatesFound(),
            'ZuoraAccountController.getBillToContacts': [contacts()[0]],
            'ZuoraAccountController.getCatalog': () => ({ ...catalog(), plans: [{ ...FLAT_PLAN, currencies: [] }] })
        })
    },

    // ---- c-zuora-provisioning (quick action "Create in Zuora") ---------------------------------------------------
    // The shell renders one step component per step: c-zuora-provisioning-duplicates (duplicates-*),
    // -plan (plan-*), -review (review-*), -progress (progress*, retry-scheduled, done*, failure) and -footer (all).
    // preview:check fails when a component bundle with a template renders in no state.
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'duplicates-loading',
        title: 'Duplicate check running: spinner, Next disabled',
        apex: flowApex({ 'ZuoraAccountController.checkDuplicates': NEVER })
    },
    { ...qa, component: 'zuoraProvisioning', name: 'duplicates-none', title: 'No duplicates: Next', apex: flowApex() },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'duplicates-found',
        title: 'Zuora account and Salesforce matches, confirm to continue',
        apex: flowApex({
            'ZuoraAccountController.checkDuplicates': {
                candidates: [domainMatch(), emailMatch()],
                zuoraAccounts: [zuoraAccountSummary({ name: 'Acme Corporation', accountNumber: 'A00000001' })]
            }
        })
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'duplicates-error',
        title: 'Duplicate check failed: message, Next allowed',
        apex: flowApex({ 'ZuoraAccountController.checkDuplicates': failure('Search is unavailable right now.') })
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'duplicates-lookup-error',
        title: 'Zuora could not be searched',
        apex: flowApex({
            'ZuoraAccountController.checkDuplicates': noDuplicates({
                zuoraLookupError: 'Zuora did not answer in 10 s.'
            })
        })
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'plan',
        title: 'Plan step with the defaults',
        apex: flowApex(),
        steps: [toPlan]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'plan-quantity',
        title: 'Per-seat plan chosen: quantity field',
        apex: flowApex(),
        steps: [toPlan, fillPlan]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'plan-errors',
        title: 'Next with nothing chosen: the errors, at the fields too',
        apex: flowApex(),
        steps: [toPlan, async (ui) => ui.click('next-plan')]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'plan-errors-fixed',
        title: 'After the errors, contact and plan chosen: their errors are gone',
        apex: flowApex(),
        steps: [
            toPlan,
            async (ui) => ui.click('next-plan'),
            async (ui) => ui.change('billToContactId', CONTACT_ID),
            async (ui) => ui.change('productRatePlanId', FLAT_PLAN.ratePlanId)
        ]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'plan-country-unknown',
        title: "Next with an Account country Apex's ZuoraCountryCodes does not know: the address error",
        // getCatalog's defaults carry billingCountryCode null for it (ProvisioningDefaults), as Apex sends.
        apex: flowApex({ 'ZuoraAccountController.getCatalog': () => catalog({ billingCountry: 'Atlantis' }) }),
        steps: [toPlan, fillPlan, async (ui) => ui.click('next-plan')]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'plan-catalog-failure',
        title: 'The catalog could not be read',
        apex: flowApex({ 'ZuoraAccountController.getCatalog': failure('Zuora catalog request failed (HTTP 503).') }),
        steps: [toPlan]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'plan-no-contacts',
        title: 'The Account has no contacts',
        apex: flowApex({ 'ZuoraAccountController.getBillToContacts': [] }),
        steps: [toPlan]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'plan-no-plans',
        title: 'The catalog has no sellable plans',
        apex: flowApex({ 'ZuoraAccountController.getCatalog': () => ({ ...catalog(), plans: [] }) }),
        steps: [toPlan]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'review',
        title: 'Review: termed 12/12, 5 seats',
        apex: flowApex(),
        steps: toReview
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'review-evergreen',
        title: 'Review: evergreen subscription',
        apex: flowApex(),
        steps: [toPlan, fillPlan, async (ui) => ui.change('termType', 'EVERGREEN'), async (ui) => ui.click('next-plan')]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'review-new-matches',
        title: "Review: the contact's email finds a new match",
        apex: flowApex({
            'ZuoraAccountController.checkDuplicates': (params) =>
                params.billToContactId ? noDuplicates({ candidates: [emailMatch()] }) : noDuplicates()
        }),
        steps: toReview
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'review-submit-error',
        title: 'Submit refused by the server',
        apex: flowApex({
            'ZuoraAccountController.startProvisioning': failure('The start date must be within 366 days of today.')
        }),
        steps: [...toReview, submit]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'progress',
        title: 'Submitted, Zuora has not answered yet',
        apex: flowApex({ 'ZuoraAccountController.startProvisioning': attempt({ status: 'Pending' }) }),
        steps: [...toReview, submit]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'progress-reused',
        title: 'Submitted again: the open attempt is reused',
        apex: flowApex({
            'ZuoraAccountController.startProvisioning': attempt({ status: 'Running', reusedExistingAttempt: true })
        }),
        steps: [...toReview, submit]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'retry-scheduled',
        title: 'Zuora busy: next automatic try at 02:15 AM (New York)',
        apex: flowApex({
            'ZuoraAccountController.startProvisioning': attempt({
                status: 'Retrying',
                message: 'Zuora asked to retry later (HTTP 429).',
                nextRetryAt: '2026-11-20T07:15:00.000Z'
            })
        }),
        steps: [...toReview, submit]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'done',
        title: 'Created: account and subscription numbers',
        apex: flowApex({ 'ZuoraAccountController.startProvisioning': succeededAttempt() }),
        steps: [...toReview, submit]
    },
    {
        ...qa,
        component: 'zuoraProvisioning',
        name: 'failure',
        title: "Zuora refused: Zuora's message",
        apex: flowApex({ 'ZuoraAccountController.startProvisioning': failedAttempt() }),
        steps: [...toReview, submit]
    },
    {
        ...embeddedFlow,
        component: 'zuoraProvisioning',
        name: 'done-embedded',
        title: 'Inline (embedded): submit succeeded at once, done step shown',
        apex: flowApex({ 'ZuoraAccountController.startProvisioning': succeededAttempt() }),
        steps: [...toReview, submit]
    },

    // ---- c-zuora-sync-accounts -------------------------------------------------------------------------------
    {
        ...sync,
        name: 'loading',
        title: 'getSyncCandidates has not answered',
        apex: { 'ZuoraSyncController.getSyncCandidates': NEVER }
    },
    {
        ...sync,
        name: 'error',
        title: 'getSyncCandidates failed',
        apex: { 'ZuoraSyncController.getSyncCandidates': failure('Insufficient access to Account records.') }
    },
    { ...sync, name: 'empty', title: 'No related Accounts', apex: { 'ZuoraSyncController.getSyncCandidates': [] } },
    {
        ...sync,
        name: 'table',
        title: 'Seven-column table: 5 Accounts, one not syncable',
        apex: { 'ZuoraSyncController.getSyncCandidates': relatedAccounts() }
    },
    {
        ...sync,
        name: 'table-selected',
        title: 'Three Accounts selected',
        apex: { 'ZuoraSyncController.getSyncCandidates': relatedAccounts() },
        steps: [async (ui) => ui.selectRows([1, 2, 3].map(syncAccountId))]
    },
    {
        ...sync,
        name: 'table-limit',
        title: 'Nine syncable Accounts: at most 8 can be chosen',
        apex: {
            'ZuoraSyncController.getSyncCandidates': relatedAccounts(9).map((c) => ({
                ...c,
                canSync: true,
                syncBlockedReason: null
            }))
        },
        steps: [async (ui) => ui.selectRows([1, 2, 3, 4, 5, 6, 7, 8, 9].map(syncAccountId))]
    },
    {
        ...sync,
        name: 'table-after-sync',
        title: 'After Sync selected: Sent, Deferred and Failed in the table',
        apex: {
            'ZuoraSyncController.getSyncCandidates': relatedAccounts(),
            'ZuoraSyncController.syncAccounts': [
                syncOutcome(1),
                syncOutcome(2, { outcome: 'Deferred', message: 'Synced 3 minutes ago; try after 14:45.' }),
                syncOutcome(3, { outcome: 'Failed', message: 'Zuora 360 on-demand sync refused the request.' })
            ]
        },
        steps: [
            async (ui) => ui.selectRows([1, 2, 3].map(syncAccountId)),
            async (ui) => ui.click('sync'),
            async (ui) => ui.settle(5)
        ]
    },
    {
        component: 'zuoraSyncAccounts',
        frame: 'app-page',
        name: 'app-page',
        title: 'App page: pick an Account (record picker stand-in)',
        apex: { 'ZuoraSyncController.getSyncCandidates': relatedAccounts() }
    },

    // ---- c-zuora-billing-health (alone, and inside the panel on a linked Account) ------------------------------
    ...billingHealthStates(),
    {
        component: 'zuoraBillingHealth',
        frame: 'record-page',
        name: 'no-health',
        title: 'The server sent no billing health: the block renders nothing',
        props: { health: null }
    },

    // ---- c-zuora-backfill (admin app page) ---------------------------------------------------------------------
    { ...backfill, name: 'loading', title: 'getProgress has not answered: spinner', apex: backfillApex(NEVER) },
    {
        ...backfill,
        name: 'load-error',
        title: 'getProgress failed: the error in words',
        apex: backfillApex(failure('You need the Zuora Backfill Admin permission set.'))
    },
    { ...backfill, name: 'no-run', title: 'No run yet: Start dry run / Start and apply', apex: backfillApex(NO_RUN) },
    {
        ...backfill,
        name: 'running',
        title: 'Dry run scanning page 2 (polling): counts so far, Start and Apply disabled',
        apex: backfillApex(SCANNING)
    },
    {
        ...backfill,
        name: 'waiting',
        title: 'Waiting: Zuora asked to retry later, next try at 9:33 AM (New York)',
        apex: backfillApex(
            backfillProgress({
                ...SCANNING,
                status: 'Waiting',
                nextRetryAt: '2026-11-20T14:33:00.000Z',
                lastError: 'Zuora asked to retry later (HTTP 429, Retry-After 180).'
            })
        )
    },
    {
        ...backfill,
        name: 'failed',
        title: 'Failed with the last error: Resume enabled',
        apex: backfillApex(
            backfillProgress({
                ...SCANNING,
                status: 'Failed',
                active: false,
                canResume: true,
                lastError: 'Zuora refused the query: filter field crmid is not supported (400, 50000040).'
            })
        )
    },
    {
        ...backfill,
        name: 'review',
        title: 'Dry run done, review list: an ambiguous match with candidates, one linked elsewhere without',
        apex: backfillApex(backfillProgress(), [backfillDecision(), backfillLinkedElsewhere()])
    },
    {
        ...backfill,
        name: 'review-chosen',
        title: 'A candidate chosen for the ambiguous match: Approve enabled',
        apex: backfillApex(backfillProgress(), [backfillDecision(), backfillLinkedElsewhere()]),
        steps: [
            async (ui) => {
                ui.find('[data-id="choose"]').dispatchEvent(
                    new CustomEvent('change', { detail: { value: '001000000000002AAA' } })
                );
                await ui.settle();
            }
        ]
    },
    {
        ...backfill,
        name: 'review-none',
        title: 'Dry run done, nothing to review: Apply approved',
        apex: backfillApex(backfillProgress({ ambiguous: 0, linkedElsewhere: 0, needsReview: 0 }), [])
    },
    {
        ...backfill,
        name: 'dry-run-started',
        title: 'Start dry run pressed: toast, the run scans',
        ...startedRun('start-dry-run', SCANNING)
    },
    {
        ...backfill,
        name: 'apply-started',
        title: 'Start and apply pressed: toast, the applying run scans',
        ...startedRun('start-apply', backfillProgress({ ...SCANNING, name: 'BF-0002', mode: 'Apply' }))
    },
    {
        ...backfill,
        name: 'apply-linking',
        title: 'Applying run linking approved matches (polling)',
        apex: backfillApex(
            backfillProgress({
                mode: 'Apply',
                status: 'Running',
                step: 'Link',
                approved: 2,
                linked: 18,
                active: true,
                canApply: false
            })
        )
    },
    {
        ...backfill,
        name: 'completed',
        title: 'Applying run completed: linked and failed/skipped counts',
        apex: backfillApex(
            backfillProgress({
                mode: 'Apply',
                status: 'Completed',
                step: 'Done',
                needsReview: 0,
                approved: 2,
                linked: 41,
                failed: 1,
                canApply: false
            })
        )
    },

    // ---- c-zuora-status-badge ----------------------------------------------------------------------------------
    ...(['Linked', 'Pending', 'Failed', '', 'Deferred', 'Queued'] as const).map((status): PreviewState => ({
        component: 'zuoraStatusBadge',
        frame: 'record-page',
        name: status ? status.toLowerCase() : 'not-linked',
        title: `Badge: ${status || 'blank (Not Linked)'}`,
        props: { status }
    }))
];

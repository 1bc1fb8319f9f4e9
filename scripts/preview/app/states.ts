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
    apexError,
    attempt,
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
}

export interface PreviewState {
    component: 'zuoraAccountPanel' | 'zuoraProvisioning' | 'zuoraSyncAccounts' | 'zuoraStatusBadge';
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

    // ---- c-zuora-status-badge ----------------------------------------------------------------------------------
    ...(['Linked', 'Pending', 'Failed', '', 'Deferred', 'Queued'] as const).map((status): PreviewState => ({
        component: 'zuoraStatusBadge',
        frame: 'record-page',
        name: status ? status.toLowerCase() : 'not-linked',
        title: `Badge: ${status || 'blank (Not Linked)'}`,
        props: { status }
    }))
];

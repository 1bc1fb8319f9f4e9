// Shapes of the @AuraEnabled DTOs the Apex controllers return to (or accept from) the LWC components.
// Contract: docs/architecture.md, "DTO shapes returned to the LWC". A global script file (no import/export),
// so the components and types/apex.d.ts can name these interfaces without importing them.
// Dates and times travel as ISO strings, Ids as 18-character strings; optional fields may be null or absent.

/** Values of Account.Zuora_Link_Status__c. */
type ZuoraLinkStatus = 'Not Linked' | 'Pending' | 'Linked' | 'Failed';

/** Values of Zuora_Provisioning_Attempt__c.Status__c. */
type ZuoraAttemptStatus = 'Pending' | 'Running' | 'Retrying' | 'Succeeded' | 'Failed';

/** Values of Account.Zuora_Last_Sync_Status__c and Zuora_Sync_History__c.Outcome__c. */
type ZuoraSyncOutcomeValue = 'Queued' | 'Sent' | 'Skipped' | 'Deferred' | 'Failed';

/** Everything the Account panel shows, read in one cacheable Apex call. */
interface AccountLinkState {
    accountId: string;
    accountName: string;
    linkStatus: ZuoraLinkStatus;
    zuoraAccountNumber?: string | null;
    zuoraAccountId?: string | null;
    zuoraSubscriptionNumber?: string | null;
    lastError?: string | null;
    traceId?: string | null;
    linkedAt?: string | null;
    lastSyncStatus?: ZuoraSyncOutcomeValue | null;
    lastSyncAt?: string | null;
    lastSyncMessage?: string | null;
    openAttemptId?: string | null;
    openAttemptStatus?: ZuoraAttemptStatus | null;
    canProvision: boolean;
    provisionBlockedReason?: string | null;
    syncInstalled: boolean;
    canSync: boolean;
    syncBlockedReason?: string | null;
    syncAllowedAfter?: string | null;
    /** Billing health from Zuora 360 records; absent only from an older server. */
    billingHealth?: BillingHealth | null;
}

/** Access to the Zuora 360 billing records: read, Zuora 360 not installed, or not readable by the user. */
type BillingHealthAccess = 'AVAILABLE' | 'NOT_INSTALLED' | 'NO_ACCESS';
/** Billing state of one currency (or the worst over all currencies). */
type BillingHealthState = 'GOOD_STANDING' | 'OVERDUE' | 'IN_COLLECTIONS' | 'NO_BILLING_ACCOUNT';

/** A Zuora 360 record the billing health block links to. */
interface BillingHealthLink {
    recordId: string;
    label?: string | null;
    currencyCode?: string | null;
}

/** Billing figures of one Account in one currency (never summed across currencies). */
interface BillingHealthCurrency {
    currencyCode: string;
    state: Exclude<BillingHealthState, 'NO_BILLING_ACCOUNT'>;
    activeSubscriptions: number;
    totalMrr: number;
    nextRenewalDate?: string | null;
    nextRenewal?: BillingHealthLink | null;
    openBalance: number;
    overdueInvoices: number;
    overdueAmount: number;
    oldestDueDate?: string | null;
    daysOverdue: number;
    oldestOverdueInvoice?: BillingHealthLink | null;
    lastPaymentDate?: string | null;
    lastPaymentAmount?: number | null;
    lastPayment?: BillingHealthLink | null;
}

/** Billing health of one Account from the records Zuora 360 syncs. */
interface BillingHealth {
    access: BillingHealthAccess;
    message?: string | null;
    state?: BillingHealthState | null;
    paymentsReadable: boolean;
    truncated: boolean;
    collectionsThresholdDays?: number | null;
    currencies: BillingHealthCurrency[];
    billingAccounts: BillingHealthLink[];
}

/** A Salesforce Account or Contact that may already be this customer. */
interface MatchCandidate {
    recordId: string;
    objectType: 'Account' | 'Contact';
    name: string;
    accountId?: string | null;
    accountName?: string | null;
    reason: 'SAME_EMAIL' | 'SAME_DOMAIN' | 'DUPLICATE_RULE';
    reasonLabel: string;
    detail?: string | null;
}

/** A Zuora customer account whose crmId already points at this Salesforce Account. */
interface ZuoraAccountSummary {
    id: string;
    accountNumber: string;
    name: string;
    status: string;
    /** Named `currencyCode` in Apex (`currency` is a reserved word there). */
    currencyCode?: string | null;
}

interface DuplicateCheckResult {
    candidates: MatchCandidate[];
    zuoraAccounts: ZuoraAccountSummary[];
    zuoraLookupError?: string | null;
}

interface ContactOption {
    id: string;
    name: string;
    email?: string | null;
    title?: string | null;
}

interface CatalogPlan {
    productId: string;
    productName: string;
    ratePlanId: string;
    ratePlanName: string;
    ratePlanNumber?: string | null;
    currencies: string[];
    /** True only when a charge's model is priced by quantity (per unit, volume, tiered); flat fee and usage: false. */
    requiresQuantity: boolean;
    /** The charge whose quantity the order overrides; null when no quantity is needed. */
    quantityChargeId?: string | null;
    /** `pricing` object of that charge's model in the order (set server-side from the catalog, shown nowhere). */
    quantityPricing?:
        | 'recurringPerUnit'
        | 'recurringVolume'
        | 'recurringTiered'
        | 'oneTimePerUnit'
        | 'oneTimeVolume'
        | 'oneTimeTiered'
        | null;
}

/** Defaults from Zuora_Setting__mdt plus the Account's billing address, for client-side validation. */
interface ProvisioningDefaults {
    currencyCode: string;
    supportedCurrencies: string[];
    termType: 'TERMED' | 'EVERGREEN';
    initialTermMonths: number;
    renewalTermMonths: number;
    startDate: string;
    countriesRequiringState: string[];
    billingCountry?: string | null;
    billingState?: string | null;
    /** ISO code of billingCountry (ZuoraCountryCodes); null when blank or not a known country. */
    billingCountryCode?: string | null;
    /** Longest initial or renewal term, in months (ProvisioningValidator.MAX_TERM_MONTHS). */
    maxTermMonths: number;
    /** Days the start date may lie before or after today (ProvisioningValidator.MAX_START_OFFSET_DAYS). */
    startDateWindowDays: number;
}

interface CatalogResult {
    plans: CatalogPlan[];
    defaults: ProvisioningDefaults;
}

/** Input of ZuoraAccountController.startProvisioning. */
interface ProvisioningRequest {
    accountId: string;
    billToContactId: string;
    productRatePlanId?: string | null;
    productRatePlanNumber?: string | null;
    quantity?: number | null;
    productRatePlanChargeId?: string | null;
    termType?: 'TERMED' | 'EVERGREEN' | null;
    initialTermMonths?: number | null;
    renewalTermMonths?: number | null;
    startDate?: string | null;
    currencyCode?: string | null;
    opportunityId?: string | null;
    idempotencyKey?: string | null;
}

interface ProvisioningStatus {
    attemptId: string;
    accountId: string;
    status: ZuoraAttemptStatus;
    idempotencyKey: string;
    message?: string | null;
    zuoraAccountNumber?: string | null;
    zuoraAccountId?: string | null;
    zuoraSubscriptionNumber?: string | null;
    zuoraOrderNumber?: string | null;
    errorCode?: string | null;
    traceId?: string | null;
    reusedExistingAttempt: boolean;
    /** When the next automatic retry runs (status `Retrying`). */
    nextRetryAt?: string | null;
}

interface SyncOutcome {
    accountId: string;
    accountName?: string | null;
    zuoraAccountId?: string | null;
    outcome: ZuoraSyncOutcomeValue;
    message?: string | null;
    allowedAfter?: string | null;
}

interface SyncCandidate {
    accountId: string;
    name: string;
    zuoraAccountNumber?: string | null;
    linkStatus: ZuoraLinkStatus;
    lastSyncStatus?: ZuoraSyncOutcomeValue | null;
    lastSyncAt?: string | null;
    canSync: boolean;
    syncBlockedReason?: string | null;
}

/** Progress of a CRM ID backfill run (Apex BackfillProgress). */
interface BackfillProgress {
    runId?: string | null;
    name?: string | null;
    mode?: 'DryRun' | 'Apply' | null;
    status?: 'Running' | 'Waiting' | 'Review' | 'Completed' | 'Failed' | null;
    step?: 'Scan' | 'Link' | 'Sync' | 'Done' | null;
    pagesRead: number;
    accountsRead: number;
    matched: number;
    ambiguous: number;
    noMatch: number;
    linkedElsewhere: number;
    needsReview: number;
    approved: number;
    linked: number;
    failed: number;
    lastError?: string | null;
    nextRetryAt?: string | null;
    startedAt?: string | null;
    active: boolean;
    canApply: boolean;
    canResume: boolean;
}

/** A Salesforce Account an admin may choose for an ambiguous decision (Apex BackfillCandidate). */
interface BackfillCandidate {
    accountId: string;
    name: string;
}

/** One backfill decision (Apex BackfillDecisionRow). */
interface BackfillDecisionRow {
    id: string;
    name: string;
    zuoraAccountId: string;
    zuoraAccountNumber?: string | null;
    zuoraAccountName?: string | null;
    decision: 'Matched' | 'Ambiguous' | 'No match' | 'Already linked elsewhere';
    rule?: string | null;
    reason?: string | null;
    accountId?: string | null;
    accountName?: string | null;
    candidates: BackfillCandidate[];
    reviewStatus: 'Not needed' | 'Needs review' | 'Approved' | 'Rejected';
    linkStatus: 'Not linked' | 'Ready' | 'Linked' | 'Skipped' | 'Failed';
    linkMessage?: string | null;
    syncStatus?: string | null;
    canReview: boolean;
}

// Typed imports of the Apex controller methods the LWC components call (contract: docs/architecture.md,
// "Controllers used by the LWC"). Exact module names, so a misspelt method or a wrong parameter is a tsc error.
// Cacheable methods are both callable imperatively and usable with @wire; the others are imperative only.
// The DTO interfaces are global (types/zuora-dto.d.ts).

/** What an Apex wire adapter provisions: `data` on success, `error` on failure. */
interface ApexWireResult<R> {
    data?: R;
    error?: unknown;
}

/** An imperative Apex call: one params object in, a promise of the DTO out. */
type ApexImperativeMethod<P, R> = (params: P) => Promise<R>;

/** A cacheable Apex method: imperative call plus wire adapter. */
type ApexCacheableMethod<P extends Record<string, unknown>, R> = ApexImperativeMethod<P, R> &
    import('lwc').WireAdapterConstructor<P, ApexWireResult<R>>;

declare module '@salesforce/apex/ZuoraAccountController.getLinkState' {
    const getLinkState: ApexCacheableMethod<{ accountId: string | undefined }, AccountLinkState>;
    export default getLinkState;
}

declare module '@salesforce/apex/ZuoraAccountController.checkDuplicates' {
    const checkDuplicates: ApexImperativeMethod<
        { accountId: string; billToContactId?: string | null },
        DuplicateCheckResult
    >;
    export default checkDuplicates;
}

declare module '@salesforce/apex/ZuoraAccountController.getBillToContacts' {
    const getBillToContacts: ApexCacheableMethod<{ accountId: string | undefined }, ContactOption[]>;
    export default getBillToContacts;
}

declare module '@salesforce/apex/ZuoraAccountController.getCatalog' {
    const getCatalog: ApexCacheableMethod<{ accountId: string | undefined }, CatalogResult>;
    export default getCatalog;
}

declare module '@salesforce/apex/ZuoraAccountController.startProvisioning' {
    const startProvisioning: ApexImperativeMethod<{ request: ProvisioningRequest }, ProvisioningStatus>;
    export default startProvisioning;
}

declare module '@salesforce/apex/ZuoraAccountController.getProvisioningStatus' {
    const getProvisioningStatus: ApexImperativeMethod<{ attemptId: string }, ProvisioningStatus>;
    export default getProvisioningStatus;
}

declare module '@salesforce/apex/ZuoraSyncController.syncAccounts' {
    const syncAccounts: ApexImperativeMethod<{ accountIds: string[] }, SyncOutcome[]>;
    export default syncAccounts;
}

declare module '@salesforce/apex/ZuoraSyncController.getSyncCandidates' {
    const getSyncCandidates: ApexCacheableMethod<{ accountId: string | undefined | null }, SyncCandidate[]>;
    export default getSyncCandidates;
}

// CRM ID backfill (c/zuoraBackfill): BackfillController, none cacheable (the page polls and changes state).
declare module '@salesforce/apex/BackfillController.startRun' {
    const startRun: ApexImperativeMethod<{ mode: 'DryRun' | 'Apply' }, BackfillProgress>;
    export default startRun;
}

declare module '@salesforce/apex/BackfillController.getProgress' {
    const getProgress: ApexImperativeMethod<{ runId: string | null }, BackfillProgress>;
    export default getProgress;
}

declare module '@salesforce/apex/BackfillController.getDecisions' {
    const getDecisions: ApexImperativeMethod<
        { runId: string; reviewStatus: 'Needs review' | null },
        BackfillDecisionRow[]
    >;
    export default getDecisions;
}

declare module '@salesforce/apex/BackfillController.reviewDecision' {
    const reviewDecision: ApexImperativeMethod<
        { decisionId: string; accountId: string | null; reviewStatus: 'Approved' | 'Rejected' },
        BackfillDecisionRow
    >;
    export default reviewDecision;
}

declare module '@salesforce/apex/BackfillController.applyApproved' {
    const applyApproved: ApexImperativeMethod<{ runId: string }, BackfillProgress>;
    export default applyApproved;
}

declare module '@salesforce/apex/BackfillController.resumeRun' {
    const resumeRun: ApexImperativeMethod<{ runId: string }, BackfillProgress>;
    export default resumeRun;
}

declare module '@salesforce/apex/BackfillController.exportCsv' {
    const exportCsv: ApexImperativeMethod<{ runId: string }, string>;
    export default exportCsv;
}

// Global UI types shared by the Zuora Account Link components (a script file: no import/export).
// Declared globally rather than imported because ESLint's no-unused-vars cannot see type-only imports in .ts files.

/** The `variant` of a lightning/platformShowToastEvent toast. */
type ZuoraToastVariant = 'info' | 'success' | 'warning' | 'error';

// ---- the "Create in Zuora" wizard (c/zuoraProvisioning and its step components) ---------------------------------

/** What the user entered on the plan step. Numbers stay undefined until typed. */
interface ZuoraPlanForm {
    billToContactId?: string;
    productRatePlanId?: string;
    quantity?: number;
    currencyCode?: string;
    termType?: 'TERMED' | 'EVERGREEN';
    initialTermMonths?: number;
    renewalTermMonths?: number;
    startDate?: string;
}

/** One validation problem: the form field it belongs to (or `billingAddress`) and the sentence to show. */
interface ZuoraValidationError {
    field: keyof ZuoraPlanForm | 'billingAddress';
    message: string;
}

/** A duplicate candidate with the link the tables show. */
type ZuoraCandidateRow = MatchCandidate & { url: string };

/** Whether the plan step can be filled in, and if not why (the messages the plan step shows). */
interface ZuoraPlanAvailability {
    /** Contacts or catalog still on their way (first load). */
    loading: boolean;
    /** No contacts or plans, or they could not be read: Next stays disabled. */
    unavailable: boolean;
    noContacts: boolean;
    noPlans: boolean;
}

/** Duplicate check, plan, review (the three input steps), then progress while Zuora works, then the outcome. */
type ZuoraWizardStep = 'duplicates' | 'plan' | 'review' | 'progress' | 'done';

/** The footer's main button of a wizard step: its data-id, label, variant and whether it is disabled. */
interface ZuoraFooterAction {
    id: string;
    label: string;
    variant: 'brand' | 'neutral';
    disabled: boolean;
}

/** What the wizard's shell shows around the current step. */
interface ZuoraWizardView {
    isDuplicates: boolean;
    isPlan: boolean;
    isReview: boolean;
    /** Progress while Zuora works, then the outcome (one component, so its live region stays). */
    showOutcome: boolean;
    isDone: boolean;
    /** The quick action opens a bare modal: give it the SLDS header the panel's card provides when embedded. */
    showActionHeader: boolean;
    sectionClass: string;
    /** As a quick action the actions dock at the bottom of the modal; inline in the panel they follow the step. */
    footerClass: string;
    showBack: boolean;
    showProgressIndicator: boolean;
    currentStepValue: string;
    heading: string;
    /** "Step 2 of 3: Choose the plan", read instead of the visible title (hidden from assistive technology). */
    assistiveText: string;
    titleHidden: string | undefined;
}

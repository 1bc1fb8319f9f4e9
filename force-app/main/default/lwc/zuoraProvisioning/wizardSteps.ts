/**
 * The steps of the "Create in Zuora" wizard and what the shell shows for each: the heading, the position in the
 * progress indicator and the footer's main button. Pure: no component state, so each rule is read in one place.
 */
import { LABELS, formatLabel } from 'c/zuoraLabels';

/** Position of the three input steps in the progress indicator. */
const INPUT_STEPS: Partial<Record<ZuoraWizardStep, string>> = { duplicates: '1', plan: '2', review: '3' };

function isInputStep(step: ZuoraWizardStep): boolean {
    return step in INPUT_STEPS;
}

/** "1", "2" or "3" on the input steps (the progress indicator's value). */
function stepNumber(step: ZuoraWizardStep): string {
    return INPUT_STEPS[step] ?? '3';
}

/** The step's title; on the last step it names the outcome. */
function stepHeading(step: ZuoraWizardStep, succeeded: boolean): string {
    const headings: Record<ZuoraWizardStep, string> = {
        duplicates: LABELS.stepDuplicates,
        plan: LABELS.stepPlan,
        review: LABELS.stepReview,
        progress: LABELS.stepWaiting,
        done: succeeded ? LABELS.createdTitle : LABELS.failedTitle
    };
    return headings[step];
}

/**
 * The step's main button: Next, Create in Zuora, or Close. `blocked` says whether the step's input is not
 * complete (Next disabled) or a submit is in flight.
 */
export function primaryAction(step: ZuoraWizardStep, blocked: boolean): ZuoraFooterAction {
    switch (step) {
        case 'duplicates':
            return { id: 'next-duplicates', label: LABELS.next, variant: 'brand', disabled: blocked };
        case 'plan':
            return { id: 'next-plan', label: LABELS.next, variant: 'brand', disabled: blocked };
        case 'review':
            return { id: 'submit', label: LABELS.createInZuora, variant: 'brand', disabled: blocked };
        case 'progress':
            // Zuora still works: closing is possible but not the expected action.
            return { id: 'close', label: LABELS.close, variant: 'neutral', disabled: false };
        default:
            return { id: 'close', label: LABELS.close, variant: 'brand', disabled: false };
    }
}

export function wizardView(step: ZuoraWizardStep, embedded: boolean, succeeded: boolean): ZuoraWizardView {
    const input = isInputStep(step);
    const heading = stepHeading(step, succeeded);
    return {
        isDuplicates: step === 'duplicates',
        isPlan: step === 'plan',
        isReview: step === 'review',
        showOutcome: step === 'progress' || step === 'done',
        isDone: step === 'done',
        showActionHeader: !embedded,
        sectionClass: embedded ? '' : 'slds-p-around_medium',
        footerClass: embedded ? 'slds-m-top_medium' : 'slds-modal__footer footer_docked',
        showBack: step === 'plan' || step === 'review',
        showProgressIndicator: input,
        currentStepValue: stepNumber(step),
        heading,
        assistiveText: input ? formatLabel(LABELS.stepProgress, stepNumber(step), 3, heading) : '',
        titleHidden: input ? 'true' : undefined
    };
}

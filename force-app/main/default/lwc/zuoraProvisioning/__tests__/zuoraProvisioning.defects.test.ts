/**
 * Issue 13, defects a user saw in the real browser (preview) that the first jest suite did not catch. Each
 * `describe` names the defect; labels whose wording matters are the real values from CustomLabels.labels-meta.xml.
 */
import { change, click, el, passPlanStep, renderProvisioning } from '../../../../../test/jest-utils/provisioning';
import { monthsText, tableColumns } from 'c/zuoraProvisioningRules';
import { LABELS } from 'c/zuoraLabels';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import getBillToContacts from '@salesforce/apex/ZuoraAccountController.getBillToContacts';
import getCatalog from '@salesforce/apex/ZuoraAccountController.getCatalog';
import startProvisioning from '@salesforce/apex/ZuoraAccountController.startProvisioning';
import getProvisioningStatus from '@salesforce/apex/ZuoraAccountController.getProvisioningStatus';
import {
    asMock,
    asTestWire,
    cleanDom,
    deepActiveElement,
    deepQuery,
    deepQueryAll,
    flushPromises
} from '../../../../../test/jest-utils';
import {
    ACCOUNT_ID,
    CONTACT_ID,
    SEATS_PLAN,
    attempt,
    catalog,
    contacts,
    duplicatesFound,
    noDuplicates,
    succeededAttempt,
    failedAttempt
} from '../../../../../test/fixtures/zuora-fixtures';

jest.mock(
    '@salesforce/label/c.Zuora_Step_Progress',
    () => require('../../../../../test/jest-utils/custom-labels').labelModule('Zuora_Step_Progress'),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Zuora_Step_Plan',
    () => require('../../../../../test/jest-utils/custom-labels').labelModule('Zuora_Step_Plan'),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Zuora_Next_Retry',
    () => require('../../../../../test/jest-utils/custom-labels').labelModule('Zuora_Next_Retry'),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Zuora_Review_Term_Termed',
    () => require('../../../../../test/jest-utils/custom-labels').labelModule('Zuora_Review_Term_Termed'),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/label/c.Zuora_Validation_Plan',
    () => require('../../../../../test/jest-utils/custom-labels').labelModule('Zuora_Validation_Plan'),
    { virtual: true }
);

const refreshMock = asMock(refreshApex);
const duplicatesMock = asMock(checkDuplicates);
const startMock = asMock(startProvisioning);
const statusMock = asMock(getProvisioningStatus);
const contactsWire = asTestWire<ContactOption[]>(getBillToContacts);
const catalogWire = asTestWire<CatalogResult>(getCatalog);

type FlowElement = HTMLElement & { recordId?: string; embedded?: boolean };
type FieldElement = HTMLElement & { setCustomValidity(message: string): void; reportValidity(): boolean };

/** jest.spyOn spies of this test, restored after it (jest.fn mocks of the modules keep their defaults). */
const spies: jest.SpyInstance[] = [];
function spy<T extends object>(target: T, method: jest.FunctionPropertyNames<Required<T>>): jest.SpyInstance {
    const instance = jest.spyOn(target, method);
    spies.push(instance);
    return instance;
}

function render(embedded = false): Promise<FlowElement> {
    return renderProvisioning({ embedded });
}

function field(element: HTMLElement, name: string): FieldElement {
    return deepQuery(element, `[data-field="${name}"]`) as FieldElement;
}

/** What a screen reader reads for an element: its text without the aria-hidden parts. */
function accessibleText(node: Node): string {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
    return Array.from(node.childNodes).map(accessibleText).join('');
}

async function atPlanStep(embedded = false): Promise<FlowElement> {
    const element = await render(embedded);
    contactsWire.emit(contacts());
    catalogWire.emit(catalog());
    await flushPromises();
    await click(element, 'next-duplicates');
    return element;
}

async function atReviewStep(embedded = false): Promise<FlowElement> {
    const element = await atPlanStep(embedded);
    await passPlanStep(element);
    return element;
}

describe('c-zuora-provisioning — issue 13 defects', () => {
    beforeEach(() => {
        duplicatesMock.mockResolvedValue(noDuplicates());
    });

    afterEach(() => {
        cleanDom();
        jest.clearAllMocks();
        spies.splice(0).forEach((instance) => instance.mockRestore());
        jest.useRealTimers();
    });

    describe('defect 1: the space before the retry time', () => {
        it('keeps the space between "Next automatic try at" and the time', async () => {
            startMock.mockResolvedValue(attempt({ status: 'Pending' }));
            statusMock.mockResolvedValue(attempt({ status: 'Retrying', nextRetryAt: '2026-11-20T14:35:00.000Z' }));
            const element = await atReviewStep();
            jest.useFakeTimers();
            await click(element, 'submit');
            jest.advanceTimersByTime(2000);
            await flushPromises();

            const time = el(element, 'next-retry').querySelector('lightning-formatted-date-time')!;
            expect((time as unknown as { value: string }).value).toBe('2026-11-20T14:35:00.000Z');
            const before = time.previousSibling!.textContent!;
            expect(LABELS.nextRetry).toMatch(/try at$/);
            expect(before.endsWith(`${LABELS.nextRetry} `)).toBe(true);
        });
    });

    describe('defect 2: field errors are cleared once fixed', () => {
        it('sets the message on the field at Next and clears it when the user picks a plan', async () => {
            const element = await atPlanStep();
            await change(element, 'billToContactId', CONTACT_ID);
            const plan = field(element, 'productRatePlanId');
            const setValidity = spy(plan, 'setCustomValidity');
            const report = spy(plan, 'reportValidity');

            await click(element, 'next-plan');
            expect(setValidity).toHaveBeenLastCalledWith(LABELS.validationPlan);
            expect(LABELS.validationPlan).toBe('Choose a product rate plan.');

            await change(element, 'productRatePlanId', SEATS_PLAN.ratePlanId);
            expect(setValidity).toHaveBeenLastCalledWith('');
            expect(report.mock.invocationCallOrder.at(-1)!).toBeGreaterThan(
                setValidity.mock.invocationCallOrder.at(-1)!
            );
        });

        it('marks a field the user emptied after coming back from the review', async () => {
            const element = await atReviewStep();
            await click(element, 'back');
            await change(element, 'quantity', '');
            // Still on the plan step with a missing quantity: Next refuses and marks the field.
            const quantity = field(element, 'quantity');
            const setValidity = spy(quantity, 'setCustomValidity');
            await click(element, 'next-plan');
            expect(setValidity).toHaveBeenLastCalledWith(LABELS.validationQuantity);
        });
    });

    describe('defect 5: no catalog or no contacts is an error state with Try again, Next disabled', () => {
        it('shows a spinner and a disabled Next until contacts and catalog have both answered', async () => {
            const element = await render();
            catalogWire.emit(catalog());
            await flushPromises();
            await click(element, 'next-duplicates');
            expect(deepQuery(element, 'lightning-spinner')).not.toBeNull();
            expect(el(element, 'next-plan').disabled).toBe(true);
            expect(el(element, 'no-contacts')).toBeNull();
        });

        it('replaces the form by the catalog error and Try again, which reads both again', async () => {
            const element = await render();
            contactsWire.emit(contacts());
            catalogWire.error({ message: 'Zuora catalog unavailable.' });
            await flushPromises();
            await click(element, 'next-duplicates');

            expect(el(element, 'plan-unavailable').getAttribute('role')).toBe('alert');
            expect(el(element, 'catalog-error').textContent!.trim()).toBe('Zuora catalog unavailable.');
            expect(deepQuery(element, '[data-field]')).toBeNull();
            expect(el(element, 'next-plan').disabled).toBe(true);
            await click(element, 'next-plan');
            expect(el(element, 'errors')).toBeNull();
            await expect(element).toBeAccessible();

            // refreshApex resolves once the wires have provisioned again: here the catalog answers this time.
            refreshMock.mockImplementationOnce(async () => catalogWire.emit(catalog()));
            await click(element, 'retry-plan');
            expect(refreshMock).toHaveBeenCalledTimes(2);
            expect(el(element, 'plan-unavailable')).toBeNull();
            expect(field(element, 'productRatePlanId')).not.toBeNull();
            expect(el(element, 'next-plan').disabled).toBe(false);
            // The Try again button is gone with the error: the focus starts over at the step heading.
            expect(deepActiveElement(element)).toBe(el(element, 'step-heading'));
        });

        it('says there are no contacts, keeps Next disabled, and ignores a second Try again while one runs', async () => {
            let finishRefresh!: () => void;
            const refreshing = new Promise<void>((resolve) => (finishRefresh = resolve));
            refreshMock.mockReturnValueOnce(refreshing).mockReturnValueOnce(refreshing);
            const element = await render();
            contactsWire.emit([]);
            catalogWire.emit(catalog());
            await flushPromises();
            await click(element, 'next-duplicates');
            expect(el(element, 'no-contacts').textContent!.trim()).toBe(LABELS.noContacts);
            expect(el(element, 'next-plan').disabled).toBe(true);

            const retry = el(element, 'retry-plan');
            retry.click();
            retry.click();
            await flushPromises();
            expect(el(element, 'retrying')).not.toBeNull();
            expect(el(element, 'retry-plan')).toBe(retry);
            expect(el(element, 'next-plan').disabled).toBe(true);
            finishRefresh();
            await flushPromises();
            expect(refreshMock).toHaveBeenCalledTimes(2);
            expect(el(element, 'retrying')).toBeNull();
            expect(el(element, 'no-contacts')).not.toBeNull();
        });

        it('shows the refresh error when Try again itself fails', async () => {
            refreshMock.mockRejectedValueOnce({ body: { message: 'Session expired.' } });
            const element = await render();
            contactsWire.error({ message: 'No access to contacts.' });
            catalogWire.emit({ plans: [], defaults: catalog().defaults });
            await flushPromises();
            await click(element, 'next-duplicates');
            expect(el(element, 'contacts-error').textContent!.trim()).toBe('No access to contacts.');
            expect(el(element, 'no-plans').textContent!.trim()).toBe(LABELS.noPlans);

            await click(element, 'retry-plan');
            expect(el(element, 'catalog-error').textContent!.trim()).toBe('Session expired.');
            expect(el(element, 'retry-plan')).not.toBeNull();
        });
    });

    describe('defect 6: the done step stays in the panel; the record page is told once', () => {
        it('shows the done step of an immediate success and reports `complete` only on Close', async () => {
            startMock.mockResolvedValue(succeededAttempt());
            const element = await atReviewStep(true);
            const completed = jest.fn();
            element.addEventListener('complete', completed);

            await click(element, 'submit');
            expect(el(element, 'result')).not.toBeNull();
            expect(completed).not.toHaveBeenCalled();
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: ACCOUNT_ID }]);

            await click(element, 'close');
            expect(completed).toHaveBeenCalledTimes(1);
            expect((completed.mock.calls[0][0] as CustomEvent<ProvisioningStatus>).detail.status).toBe('Succeeded');
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);
        });

        it('tells the record page once after polling to success', async () => {
            startMock.mockResolvedValue(attempt({ status: 'Pending' }));
            statusMock.mockResolvedValue(succeededAttempt());
            const element = await atReviewStep(true);
            jest.useFakeTimers();
            await click(element, 'submit');
            expect(notifyRecordUpdateAvailable).not.toHaveBeenCalled();
            jest.advanceTimersByTime(2000);
            await flushPromises();
            expect(el(element, 'result')).not.toBeNull();
            await click(element, 'close');
            document.body.removeChild(element);
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);
        });

        it('tells the record page once when the flow is closed or removed while Zuora still works', async () => {
            startMock.mockResolvedValue(attempt({ status: 'Running' }));
            statusMock.mockResolvedValue(attempt({ status: 'Running' }));
            const element = await atReviewStep();
            await click(element, 'submit');
            await click(element, 'close');
            document.body.removeChild(element);
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);

            const second = await atReviewStep();
            await click(second, 'submit');
            document.body.removeChild(second);
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(2);
        });
    });

    describe('defect 7: datatables without header menus, wrapping long values', () => {
        it('hides the default actions and wraps text in every duplicate-check column', async () => {
            duplicatesMock.mockResolvedValue(duplicatesFound());
            const element = await render();
            const tables = Array.from(deepQueryAll(element, 'lightning-datatable')) as unknown as Array<{
                columns: Array<{ hideDefaultActions?: boolean; wrapText?: boolean }>;
            }>;
            expect(tables).toHaveLength(2);
            for (const table of tables) {
                expect(table.columns.every((c) => c.hideDefaultActions === true && c.wrapText === true)).toBe(true);
            }
            expect(tableColumns([{ fieldName: 'x', wrapText: false }])).toEqual([
                { fieldName: 'x', hideDefaultActions: true, wrapText: false }
            ]);
        });
    });

    describe('defect 8: the term has units', () => {
        it('reviews "Termed: 12 months initial term, 12 months renewal term"', async () => {
            const element = await atReviewStep();
            expect(el(element, 'review-term').textContent).toBe(
                'Termed: 12 months initial term, 12 months renewal term'
            );
        });

        it('formats months in the locale, singular and plural', () => {
            expect(monthsText(1, 'en-US')).toBe('1 month');
            expect(monthsText(24, 'en-US')).toBe('24 months');
            expect(monthsText(24, 'de-DE')).toBe('24 Monate');
            expect(monthsText(undefined)).toBe('—');
        });
    });

    describe('defect 9: progress and done have their own headings', () => {
        it('heads the progress step "Waiting for Zuora" and the done step with the outcome', async () => {
            startMock.mockResolvedValue(attempt({ status: 'Pending' }));
            statusMock.mockResolvedValue(succeededAttempt());
            const element = await atReviewStep();
            jest.useFakeTimers();
            await click(element, 'submit');
            const heading = () => accessibleText(el(element, 'step-heading')).trim();
            expect(heading()).toBe(LABELS.stepWaiting);
            expect(heading()).not.toBe(LABELS.flowTitle);
            jest.advanceTimersByTime(2000);
            await flushPromises();
            expect(heading()).toBe(LABELS.createdTitle);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('heads a failure with the failure title', async () => {
            startMock.mockResolvedValue(failedAttempt());
            const element = await atReviewStep();
            await click(element, 'submit');
            expect(accessibleText(el(element, 'step-heading')).trim()).toBe(LABELS.failedTitle);
        });
    });

    describe('defect 10: quick-action buttons sit in the docked modal footer', () => {
        it('renders every step action in the SLDS modal footer, outside the scrolling step content', async () => {
            const element = await atPlanStep();
            const footer = el(element, 'footer');
            expect(footer.classList.contains('slds-modal__footer')).toBe(true);
            expect(footer.classList.contains('footer_docked')).toBe(true);
            // The footer is its own component: the buttons are in its shadow tree.
            for (const id of ['next-plan', 'back', 'cancel']) {
                expect(deepQuery(footer, `[data-id="${id}"]`)).toBe(el(element, id));
            }
            expect(deepQuery(element, 'section')!.contains(footer)).toBe(false);
        });

        it('keeps the buttons inline when embedded in the panel', async () => {
            const element = await atPlanStep(true);
            expect(el(element, 'footer').className).toBe('slds-m-top_medium');
        });
    });

    describe('defect 11: the embedded flow takes the focus when it opens', () => {
        it('focuses the step heading on open inside the panel', async () => {
            const element = await render(true);
            expect(deepActiveElement(element)).toBe(el(element, 'step-heading'));
        });
    });

    describe('defect 12: the step heading has one accessible name', () => {
        it('reads "Step 2 of 3: Choose the plan" once', async () => {
            const element = await atPlanStep();
            const name = accessibleText(el(element, 'step-heading')).trim();
            expect(name).toBe('Step 2 of 3: Choose the plan');
            expect(name.split(LABELS.stepPlan)).toHaveLength(2);
            expect(el(element, 'step-heading').textContent).toContain(LABELS.stepPlan);
        });
    });

    describe('defect 13: a failed Next moves the focus to the first invalid field', () => {
        it('focuses the bill-to contact when nothing was chosen, the plan when only the plan is missing', async () => {
            const focus = spy(HTMLElement.prototype, 'focus');
            const element = await atPlanStep();
            focus.mockClear();
            await click(element, 'next-plan');
            expect(focus.mock.contexts.at(-1)).toBe(field(element, 'billToContactId'));

            await change(element, 'billToContactId', CONTACT_ID);
            await click(element, 'next-plan');
            expect(focus.mock.contexts.at(-1)).toBe(field(element, 'productRatePlanId'));
        });

        it('focuses the error list when the problem is the billing address', async () => {
            const element = await render();
            contactsWire.emit(contacts());
            catalogWire.emit(catalog({ billingCountry: null, billingState: null }));
            await flushPromises();
            await click(element, 'next-duplicates');
            await change(element, 'billToContactId', CONTACT_ID);
            await change(element, 'productRatePlanId', SEATS_PLAN.ratePlanId);
            await change(element, 'quantity', '2');
            await click(element, 'next-plan');
            expect(deepActiveElement(element)).toBe(el(element, 'errors'));
        });
    });
});

/**
 * Issue 13, defects 7–13 a user saw in the real browser (preview): tables, units, headings, the docked footer and
 * the focus. Labels whose wording matters are the real values from CustomLabels.labels-meta.xml.
 */
import '../../../../../test/jest-utils/provisioning-labels';
import {
    accessibleText,
    atPlanStep,
    atReviewStep,
    catalogWire,
    change,
    click,
    contactsWire,
    el,
    field,
    renderProvisioning,
    spy,
    useWizardLifecycle
} from '../../../../../test/jest-utils/provisioning';
import { LABELS } from 'c/zuoraLabels';
import { monthsText, tableColumns } from 'c/zuoraProvisioningRules';
import checkDuplicates from '@salesforce/apex/ZuoraAccountController.checkDuplicates';
import startProvisioning from '@salesforce/apex/ZuoraAccountController.startProvisioning';
import getProvisioningStatus from '@salesforce/apex/ZuoraAccountController.getProvisioningStatus';
import { asMock, deepActiveElement, deepQuery, deepQueryAll, flushPromises } from '../../../../../test/jest-utils';
import {
    CONTACT_ID,
    SEATS_PLAN,
    attempt,
    catalog,
    contacts,
    duplicatesFound,
    failedAttempt,
    succeededAttempt
} from '../../../../../test/fixtures/zuora-fixtures';

const duplicatesMock = asMock(checkDuplicates);
const startMock = asMock(startProvisioning);
const statusMock = asMock(getProvisioningStatus);
const render = renderProvisioning;

describe('c-zuora-provisioning — issue 13 defects (layout and focus)', () => {
    useWizardLifecycle();

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
            const spoken = () => accessibleText(el(element, 'step-heading')).trim();
            expect(spoken()).toBe(LABELS.stepWaiting);
            expect(spoken()).not.toBe(LABELS.flowTitle);
            jest.advanceTimersByTime(2000);
            await flushPromises();
            expect(spoken()).toBe(LABELS.createdTitle);
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
            const element = await atPlanStep({ embedded: true });
            expect(el(element, 'footer').className).toBe('slds-m-top_medium');
        });
    });

    describe('defect 11: the embedded flow takes the focus when it opens', () => {
        it('focuses the step heading on open inside the panel', async () => {
            const element = await render({ embedded: true });
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

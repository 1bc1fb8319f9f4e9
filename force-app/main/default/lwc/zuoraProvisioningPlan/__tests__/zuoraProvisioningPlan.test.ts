import ZuoraProvisioningPlan from 'c/zuoraProvisioningPlan';
import { LABELS } from 'c/zuoraLabels';
import { byDataId, cleanDom, flushPromises } from '../../../../../test/jest-utils';
import { renderStep } from '../../../../../test/jest-utils/step-components';
import { CONTACT_ID, EUR_PLAN, SEATS_PLAN, catalog, contacts } from '../../../../../test/fixtures/zuora-fixtures';

type FieldElement = HTMLElement & Record<string, unknown> & { setCustomValidity: jest.Mock; reportValidity: jest.Mock };

const READY = { contacts: contacts(), catalog: catalog(), form: { termType: 'TERMED', currencyCode: 'USD' } };

function render(props: Record<string, unknown>) {
    return renderStep('c-zuora-provisioning-plan', ZuoraProvisioningPlan, props, ['fieldchange', 'retry']);
}

/** The step's inputs with spied validity and focus methods. */
function fields(element: HTMLElement): Record<string, FieldElement> {
    const byName: Record<string, FieldElement> = {};
    element.shadowRoot!.querySelectorAll<FieldElement>('[data-field]').forEach((input) => {
        input.setCustomValidity = jest.fn();
        input.reportValidity = jest.fn();
        jest.spyOn(input, 'focus');
        byName[input.dataset.field!] = input;
    });
    return byName;
}

describe('c-zuora-provisioning-plan', () => {
    afterEach(() => cleanDom());

    it('offers the contacts, plans and the currencies of the chosen plan', async () => {
        const { element } = await render({ ...READY, form: { ...READY.form, productRatePlanId: EUR_PLAN.ratePlanId } });
        const input = fields(element);
        expect((input.billToContactId.options as unknown[]).length).toBe(contacts().length);
        expect((input.productRatePlanId.options as unknown[]).length).toBe(3);
        expect(input.currencyCode.options).toEqual([{ label: 'EUR', value: 'EUR' }]);
        expect(input.initialTermMonths).toBeDefined();
        expect(input.quantity).toBeUndefined();
        expect(byDataId(element, 'billing-address')!.textContent).toBe('CA, United States');
    });

    it('asks for a quantity for a per-seat plan and hides the terms when evergreen', async () => {
        const { element } = await render({
            ...READY,
            form: { termType: 'EVERGREEN', productRatePlanId: SEATS_PLAN.ratePlanId }
        });
        const input = fields(element);
        expect(input.quantity).toBeDefined();
        expect(input.initialTermMonths).toBeUndefined();
    });

    it('reports each change as `fieldchange`, numbers parsed, without letting the input event escape', async () => {
        const { element, log } = await render(READY);
        const input = fields(element);
        const outside = jest.fn();
        document.body.addEventListener('change', outside);
        input.billToContactId.dispatchEvent(
            new CustomEvent('change', { detail: { value: CONTACT_ID }, bubbles: true, composed: true })
        );
        input.initialTermMonths.dispatchEvent(new CustomEvent('change', { detail: { value: '24' } }));
        input.initialTermMonths.dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
        document.body.removeEventListener('change', outside);
        expect(log).toEqual([
            { type: 'fieldchange', detail: { field: 'billToContactId', value: CONTACT_ID } },
            { type: 'fieldchange', detail: { field: 'initialTermMonths', value: 24 } },
            { type: 'fieldchange', detail: { field: 'initialTermMonths', value: undefined } }
        ]);
        expect(outside).not.toHaveBeenCalled();
    });

    it('marks the inputs with problems and clears them once the list no longer names them', async () => {
        const { element } = await render(READY);
        const input = fields(element);
        element.errors = [{ field: 'productRatePlanId', message: LABELS.validationPlan }];
        await flushPromises();
        expect(input.productRatePlanId.setCustomValidity).toHaveBeenLastCalledWith(LABELS.validationPlan);
        expect(input.billToContactId.setCustomValidity).toHaveBeenLastCalledWith('');
        expect(byDataId(element, 'errors')!.getAttribute('role')).toBe('alert');
        element.errors = [];
        await flushPromises();
        expect(input.productRatePlanId.setCustomValidity).toHaveBeenLastCalledWith('');
        expect(byDataId(element, 'errors')).toBeNull();
    });

    it('leaves the inputs alone on a first render without problems', async () => {
        const { element } = await render({ ...READY, errors: [] });
        const input = fields(element);
        await flushPromises();
        expect(input.billToContactId.reportValidity).not.toHaveBeenCalled();
    });

    it('focuses the first input with a problem, or the error list when no input has one', async () => {
        const { element } = await render(READY);
        const input = fields(element);
        element.errors = [
            { field: 'currencyCode', message: 'x' },
            { field: 'billToContactId', message: 'y' }
        ];
        await flushPromises();
        (element.focusFirstProblem as () => void)();
        expect(input.billToContactId.focus).toHaveBeenCalled();
        element.errors = [{ field: 'billingAddress', message: LABELS.validationCountry }];
        await flushPromises();
        (element.focusFirstProblem as () => void)();
        expect(element.shadowRoot!.activeElement).toBe(byDataId(element, 'errors'));
    });

    it('says why the step cannot be filled in and reports Try again as `retry`', async () => {
        const { element, log } = await render({
            unavailable: true,
            contactsError: 'Contacts are not readable.',
            catalogError: 'Zuora is down.',
            noContacts: true,
            noPlans: true,
            retrying: true
        });
        expect(byDataId(element, 'plan-unavailable')!.getAttribute('role')).toBe('alert');
        expect(byDataId(element, 'contacts-error')!.textContent!.trim()).toBe('Contacts are not readable.');
        expect(byDataId(element, 'catalog-error')!.textContent!.trim()).toBe('Zuora is down.');
        expect(byDataId(element, 'no-contacts')!.textContent!.trim()).toBe(LABELS.noContacts);
        expect(byDataId(element, 'no-plans')!.textContent).toBe(LABELS.noPlans);
        expect(byDataId(element, 'retrying')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('[data-field]')).toBeNull();
        byDataId(element, 'retry-plan')!.click();
        expect(log).toEqual([{ type: 'retry', detail: null }]);
    });

    it('shows a spinner while loading, and a dash for an Account without address', async () => {
        let { element } = await render({ loading: true });
        expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
        cleanDom();
        ({ element } = await render({
            ...READY,
            catalog: catalog({ billingCountry: null, billingState: null })
        }));
        expect(byDataId(element, 'billing-address')!.textContent).toBe('—');
    });

    it('names its form after the step heading and is accessible', async () => {
        const { element } = await render({ ...READY, formLabel: LABELS.stepPlan });
        expect(element.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).toBe(LABELS.stepPlan);
        await expect(element).toBeAccessible();
    });
});

import ZuoraProvisioningFooter from 'c/zuoraProvisioningFooter';
import { LABELS } from 'c/zuoraLabels';
import { byDataId, cleanDom } from '../../../../../test/jest-utils';
import { renderStep } from '../../../../../test/jest-utils/step-components';

const NEXT = { id: 'next-plan', label: LABELS.next, variant: 'brand', disabled: false };

function render(props: Record<string, unknown>) {
    return renderStep('c-zuora-provisioning-footer', ZuoraProvisioningFooter, props, ['back', 'cancel', 'primary']);
}

type Button = HTMLElement & { disabled: boolean; label: string; variant: string; className: string };

describe('c-zuora-provisioning-footer', () => {
    afterEach(() => cleanDom());

    it('shows Back, Cancel and the main button and reports each as an event', async () => {
        const { element, log } = await render({ showBack: true, showCancel: true, primary: NEXT });
        for (const id of ['back', 'cancel', 'next-plan']) byDataId(element, id)!.click();
        expect(log.map((entry) => entry.type)).toEqual(['back', 'cancel', 'primary']);
        const next = byDataId<Button>(element, 'next-plan')!;
        expect(next.label).toBe(LABELS.next);
        expect(next.variant).toBe('brand');
        expect(next.className).toBe('slds-m-left_x-small');
    });

    it('disables Back and Cancel while a submit is in flight, the main button as told', async () => {
        const { element } = await render({
            showBack: true,
            showCancel: true,
            busy: true,
            primary: { id: 'submit', label: LABELS.createInZuora, variant: 'brand', disabled: true }
        });
        expect(byDataId<Button>(element, 'back')!.disabled).toBe(true);
        expect(byDataId<Button>(element, 'cancel')!.disabled).toBe(true);
        expect(byDataId<Button>(element, 'submit')!.disabled).toBe(true);
    });

    it('shows only Close after submit (the default main button)', async () => {
        const { element } = await render({});
        expect(byDataId(element, 'back')).toBeNull();
        expect(byDataId(element, 'cancel')).toBeNull();
        expect(byDataId<Button>(element, 'close')!.label).toBe(LABELS.close);
        expect(byDataId<Button>(element, 'close')!.className).toBe('');
    });

    it('is accessible', async () => {
        const { element } = await render({ showBack: true, showCancel: true, primary: NEXT });
        await expect(element).toBeAccessible();
    });
});

import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/zuoraLabels';

/**
 * The actions of the "Create in Zuora" wizard's current step: Back (plan and review), Cancel (the three input
 * steps) and the step's main button (Next, Create in Zuora, Close), reported as `back`, `cancel` and `primary`
 * events. Back and Cancel are disabled while a submit is in flight; the main button as the parent says.
 */
export default class ZuoraProvisioningFooter extends LightningElement {
    /** Show Back (plan and review steps). */
    @api showBack = false;
    /** Show Cancel (the three input steps). */
    @api showCancel = false;
    /** The step's main button. */
    @api primary: ZuoraFooterAction = { id: 'close', label: LABELS.close, variant: 'brand', disabled: false };
    /** A submit is in flight. */
    @api busy = false;

    readonly labels = LABELS;

    get primaryClass(): string {
        return this.showCancel ? 'slds-m-left_x-small' : '';
    }

    handleBack(): void {
        this.dispatchEvent(new CustomEvent('back'));
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    handlePrimary(): void {
        this.dispatchEvent(new CustomEvent('primary'));
    }
}

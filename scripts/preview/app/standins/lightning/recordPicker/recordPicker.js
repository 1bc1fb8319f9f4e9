// HONEST STAND-IN for lightning-record-picker, which `lightning-base-components` does not ship (it needs the org's
// record search). It takes the documented public attributes (developer.salesforce.com, "lightning-record-picker":
// label, placeholder, object-api-name, value, filter, display-info, matching-info, field-level-help, variant,
// required, disabled, message-when-value-missing) so preview:check can check the project's template against them,
// renders an SLDS lookup input and says on screen that it is a stand-in. It searches nothing.
import { LightningElement, api } from 'lwc';

let idCounter = 0;

export default class RecordPickerStandIn extends LightningElement {
    @api label;
    @api placeholder;
    @api objectApiName;
    @api value;
    @api filter;
    @api displayInfo;
    @api matchingInfo;
    @api fieldLevelHelp;
    @api variant = 'standard';
    @api required = false;
    @api disabled = false;
    @api messageWhenValueMissing;

    inputId = `record-picker-standin-${++idCounter}`;

    get computedPlaceholder() {
        return this.placeholder || `Search ${this.objectApiName || 'records'}...`;
    }

    get helpId() {
        return `${this.inputId}-help`;
    }

    @api focus() {
        this.template.querySelector('input')?.focus();
    }
    @api blur() {
        this.template.querySelector('input')?.blur();
    }
    @api checkValidity() {
        return !this.required || Boolean(this.value);
    }
    @api reportValidity() {
        return this.checkValidity();
    }
    @api setCustomValidity() {}
    @api clearSelection() {
        this.value = undefined;
        this.dispatchEvent(new CustomEvent('change', { detail: { recordId: null } }));
    }
}

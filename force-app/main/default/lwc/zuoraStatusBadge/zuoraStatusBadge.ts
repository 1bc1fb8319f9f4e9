import { LightningElement, api } from 'lwc';

/** Zuora link or sync status values written by the Apex services (Account picklists). */
const THEMES: Record<string, string> = {
    Linked: 'slds-theme_success',
    Sent: 'slds-theme_success',
    Pending: 'slds-theme_info',
    Queued: 'slds-theme_info',
    Deferred: 'slds-theme_warning',
    Skipped: 'slds-theme_warning',
    Failed: 'slds-theme_error'
};

/** A small SLDS badge showing a Zuora link or sync status, with the status also given to assistive technology. */
export default class ZuoraStatusBadge extends LightningElement {
    /** Status value, for example `Linked`, `Pending`, `Failed`; blank shows `Not Linked`. */
    @api status?: string;

    get label(): string {
        return this.status && this.status.trim() ? this.status : 'Not Linked';
    }

    get badgeClass(): string {
        return `slds-badge ${THEMES[this.label] ?? ''}`.trim();
    }
}

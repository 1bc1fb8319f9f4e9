import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import title from '@salesforce/label/c.Zuora_Billing_Title';
import notInstalled from '@salesforce/label/c.Zuora_Billing_Not_Installed';
import noAccess from '@salesforce/label/c.Zuora_Billing_No_Access';
import noBillingAccount from '@salesforce/label/c.Zuora_Billing_No_Billing_Account';
import stateGood from '@salesforce/label/c.Zuora_Billing_State_Good';
import stateOverdue from '@salesforce/label/c.Zuora_Billing_State_Overdue';
import stateCollections from '@salesforce/label/c.Zuora_Billing_State_Collections';
import stateAria from '@salesforce/label/c.Zuora_Billing_State_Aria';
import activeSubscriptions from '@salesforce/label/c.Zuora_Billing_Active_Subscriptions';
import subscriptionCount from '@salesforce/label/c.Zuora_Billing_Subscription_Count';
import nextRenewal from '@salesforce/label/c.Zuora_Billing_Next_Renewal';
import openBalance from '@salesforce/label/c.Zuora_Billing_Open_Balance';
import overdue from '@salesforce/label/c.Zuora_Billing_Overdue';
import overdueCount from '@salesforce/label/c.Zuora_Billing_Overdue_Count';
import oldestDue from '@salesforce/label/c.Zuora_Billing_Oldest_Due';
import none from '@salesforce/label/c.Zuora_Billing_None';
import lastPayment from '@salesforce/label/c.Zuora_Billing_Last_Payment';
import paymentsHidden from '@salesforce/label/c.Zuora_Billing_Payments_Hidden';
import billingAccounts from '@salesforce/label/c.Zuora_Billing_Accounts';
import truncated from '@salesforce/label/c.Zuora_Billing_Truncated';
import collectionsHint from '@salesforce/label/c.Zuora_Billing_Collections_Hint';
import { formatLabel } from 'c/zuoraLabels';

export const BILLING_LABELS = {
    title,
    notInstalled,
    noAccess,
    noBillingAccount,
    stateGood,
    stateOverdue,
    stateCollections,
    stateAria,
    activeSubscriptions,
    subscriptionCount,
    nextRenewal,
    openBalance,
    overdue,
    overdueCount,
    oldestDue,
    none,
    lastPayment,
    paymentsHidden,
    billingAccounts,
    truncated,
    collectionsHint
};

type CurrencyState = BillingHealthCurrency['state'];

/** The page reference `NavigationMixin.Navigate` gets for a record page. */
interface RecordPageReference {
    type: 'standard__recordPage';
    attributes: { recordId: string; actionName: 'view' };
}

const STATE_LABELS: Record<CurrencyState, string> = {
    GOOD_STANDING: stateGood,
    OVERDUE: stateOverdue,
    IN_COLLECTIONS: stateCollections
};

const STATE_THEMES: Record<CurrencyState, string> = {
    GOOD_STANDING: 'slds-badge slds-theme_success',
    OVERDUE: 'slds-badge slds-theme_warning',
    IN_COLLECTIONS: 'slds-badge slds-theme_error'
};

/** A link to a Zuora 360 record: a real href (open in a new tab works) plus in-app navigation on click. */
interface LinkView {
    recordId: string;
    label: string;
    url: string;
}

/** Everything the template shows for one currency (templates cannot compute). */
interface CurrencyView {
    key: string;
    currencyCode: string;
    isoCurrency: boolean;
    numberStyle: 'currency' | 'decimal';
    stateLabel: string;
    stateClass: string;
    stateAria: string;
    subscriptionText: string;
    totalMrr: number;
    nextRenewalDate?: string | null;
    nextRenewal?: LinkView;
    openBalance: number;
    hasOverdue: boolean;
    overdueText: string;
    overdueAmount: number;
    oldestDueDate?: string | null;
    oldestOverdueInvoice?: LinkView;
    hasPayment: boolean;
    lastPaymentDate?: string | null;
    lastPaymentAmount?: number | null;
    lastPayment?: LinkView;
}

function linkOf(link: BillingHealthLink | null | undefined, fallback: string): LinkView | undefined {
    if (!link || !link.recordId) return undefined;
    return { recordId: link.recordId, label: link.label || fallback, url: `/lightning/r/${link.recordId}/view` };
}

/**
 * Billing health block of the Zuora panel: figures per currency from the records Zuora 360 syncs (active
 * subscriptions, open and overdue invoices, last payment) with a state badge, links to the Zuora 360 records, and a
 * plain sentence when Zuora 360 is absent or its records are not readable. It makes no Apex call: the panel passes
 * the `billingHealth` it already received from `getLinkState`.
 */
export default class ZuoraBillingHealth extends NavigationMixin(LightningElement) {
    /** Billing health from `AccountLinkState.billingHealth`; nothing is shown when it is absent. */
    @api health?: BillingHealth | null;

    readonly labels = BILLING_LABELS;

    get hasHealth(): boolean {
        return !!this.health;
    }

    get notInstalled(): boolean {
        return this.health?.access === 'NOT_INSTALLED';
    }

    get noAccess(): boolean {
        return this.health?.access === 'NO_ACCESS';
    }

    get readable(): boolean {
        return this.health?.access === 'AVAILABLE';
    }

    get noBillingAccount(): boolean {
        return this.readable && (this.health?.state === 'NO_BILLING_ACCOUNT' || this.currencies.length === 0);
    }

    get hasFigures(): boolean {
        return this.readable && !this.noBillingAccount;
    }

    get showTruncated(): boolean {
        return this.hasFigures && this.health?.truncated === true;
    }

    get paymentsHidden(): boolean {
        return this.health?.paymentsReadable !== true;
    }

    get collectionsText(): string {
        const days = this.health?.collectionsThresholdDays;
        return days ? formatLabel(collectionsHint, days) : '';
    }

    get billingAccountLinks(): LinkView[] {
        return (this.health?.billingAccounts ?? [])
            .map((link) => linkOf(link, link.currencyCode ?? link.recordId))
            .filter((link): link is LinkView => !!link);
    }

    get hasBillingAccountLinks(): boolean {
        return this.billingAccountLinks.length > 0;
    }

    get currencies(): CurrencyView[] {
        return (this.health?.currencies ?? []).map((money) => {
            const iso = /^[A-Z]{3}$/.test(money.currencyCode);
            const stateLabel = STATE_LABELS[money.state] ?? money.state;
            return {
                key: money.currencyCode,
                currencyCode: money.currencyCode,
                isoCurrency: iso,
                numberStyle: iso ? 'currency' : 'decimal',
                stateLabel,
                stateClass: STATE_THEMES[money.state] ?? 'slds-badge',
                stateAria: formatLabel(stateAria, money.currencyCode, stateLabel),
                subscriptionText: formatLabel(subscriptionCount, money.activeSubscriptions),
                totalMrr: money.totalMrr,
                nextRenewalDate: money.nextRenewalDate,
                nextRenewal: linkOf(money.nextRenewal, nextRenewal),
                openBalance: money.openBalance,
                hasOverdue: money.overdueInvoices > 0,
                overdueText: formatLabel(overdueCount, money.overdueInvoices, money.daysOverdue),
                overdueAmount: money.overdueAmount,
                oldestDueDate: money.oldestDueDate,
                oldestOverdueInvoice: linkOf(money.oldestOverdueInvoice, oldestDue),
                hasPayment: !!money.lastPaymentDate,
                lastPaymentDate: money.lastPaymentDate,
                lastPaymentAmount: money.lastPaymentAmount,
                lastPayment: linkOf(money.lastPayment, lastPayment)
            };
        });
    }

    /** Opens a Zuora 360 record inside Lightning (the href stays for "open in new tab"). */
    handleOpen(event: MouseEvent): void {
        const recordId = (event.currentTarget as HTMLElement | null)?.dataset.recordId;
        if (!recordId) return;
        event.preventDefault();
        const navigate = (this as unknown as Record<symbol, (reference: RecordPageReference) => void>)[
            NavigationMixin.Navigate
        ];
        navigate.call(this, { type: 'standard__recordPage', attributes: { recordId, actionName: 'view' } });
    }
}

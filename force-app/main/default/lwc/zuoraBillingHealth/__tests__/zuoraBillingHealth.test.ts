import { createElement } from 'lwc';
import ZuoraBillingHealth, { BILLING_LABELS } from 'c/zuoraBillingHealth';
import { navigateMock } from '../../../../../test/jest-mocks/lightning/navigation';
import { formatLabel } from 'c/zuoraLabels';
import { byDataId, cleanDom, flushPromises } from '../../../../../test/jest-utils';
import { BILLING_HEALTH_STATES, cannedCurrency, cannedHealth } from '../../../../../test/canned/billingHealth';

const SUBSCRIPTION = 'a0C000000000001AAA';
const INVOICE = 'a0D000000000001AAA';
const PAYMENT = 'a0E000000000001AAA';
const money = cannedCurrency;
const health = cannedHealth;

type Element = HTMLElement & { health?: BillingHealth | null };

function render(value: BillingHealth | null | undefined): Element {
    const element = createElement('c-zuora-billing-health', { is: ZuoraBillingHealth }) as Element;
    element.health = value;
    document.body.appendChild(element);
    return element;
}

function text(element: HTMLElement, id: string): string {
    return (byDataId<HTMLElement>(element, id)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function numbers(element: HTMLElement, id: string): Array<Record<string, unknown>> {
    return Array.from(
        byDataId<HTMLElement>(element, id)!.querySelectorAll('lightning-formatted-number')
    ) as unknown as Array<Record<string, unknown>>;
}

describe('c-zuora-billing-health', () => {
    afterEach(() => {
        cleanDom();
        navigateMock.mockReset();
    });

    it('renders nothing when the server sent no billing health', () => {
        expect(render(undefined).shadowRoot!.querySelector('section')).toBeNull();
        expect(render(null).shadowRoot!.querySelector('section')).toBeNull();
    });

    it('says in plain words that Zuora 360 is not installed', () => {
        const element = render(health({ access: 'NOT_INSTALLED', message: 'x', currencies: [], billingAccounts: [] }));
        expect(text(element, 'billing-not-installed')).toBe(BILLING_LABELS.notInstalled);
        expect(byDataId(element, 'billing-currency')).toBeNull();
    });

    it('says in plain words that the user cannot read the Zuora 360 records', () => {
        const element = render(health({ access: 'NO_ACCESS', currencies: [], billingAccounts: [] }));
        expect(text(element, 'billing-no-access')).toBe(BILLING_LABELS.noAccess);
        expect(byDataId(element, 'billing-not-installed')).toBeNull();
    });

    it('says when Zuora 360 has no billing account for the Account', () => {
        const element = render(health({ state: 'NO_BILLING_ACCOUNT', currencies: [], billingAccounts: [] }));
        expect(text(element, 'billing-none')).toBe(BILLING_LABELS.noBillingAccount);
        expect(byDataId(element, 'billing-accounts')).toBeNull();
    });

    it('shows the figures of an account in good standing with links to the Zuora 360 records', () => {
        const element = render(health());
        const block = byDataId<HTMLElement>(element, 'billing-currency')!;
        expect(block.dataset.currency).toBe('USD');
        expect(text(element, 'billing-state')).toBe(BILLING_LABELS.stateGood);
        expect(byDataId<HTMLElement>(element, 'billing-state')!.className).toContain('slds-theme_success');
        expect(text(element, 'billing-subscriptions')).toContain(formatLabel(BILLING_LABELS.subscriptionCount, 2));
        const [mrr] = numbers(element, 'billing-subscriptions');
        expect(mrr.value).toBe(350.5);
        expect(mrr.formatStyle).toBe('currency');
        expect(mrr.currencyCode).toBe('USD');
        expect(numbers(element, 'billing-open-balance')[0].value).toBe(500);
        expect(text(element, 'billing-overdue')).toBe(BILLING_LABELS.none);
        const renewal = byDataId<HTMLElement>(element, 'billing-next-renewal')!.querySelector('a')!;
        expect(renewal.textContent).toBe('A-S00001');
        expect(renewal.getAttribute('href')).toBe(`/lightning/r/${SUBSCRIPTION}/view`);
        expect(numbers(element, 'billing-last-payment')[0].value).toBe(120);
        const accounts = byDataId<HTMLElement>(element, 'billing-accounts')!.querySelectorAll('a');
        expect(accounts).toHaveLength(1);
        expect(accounts[0].textContent).toBe('A00001001');
        expect(text(element, 'billing-collections-hint')).toBe(formatLabel(BILLING_LABELS.collectionsHint, 60));
        expect(byDataId(element, 'billing-truncated')).toBeNull();
    });

    it('shows overdue and in-collections currencies separately, never summed', () => {
        const element = render(
            health({
                state: 'IN_COLLECTIONS',
                currencies: [
                    money({
                        currencyCode: 'EUR',
                        state: 'OVERDUE',
                        overdueInvoices: 1,
                        overdueAmount: 50,
                        daysOverdue: 3,
                        oldestDueDate: '2026-11-28',
                        oldestOverdueInvoice: { recordId: INVOICE, label: 'INV-3', currencyCode: 'EUR' }
                    }),
                    money({ state: 'IN_COLLECTIONS', overdueInvoices: 2, overdueAmount: 300, daysOverdue: 75 })
                ]
            })
        );
        const blocks = element.shadowRoot!.querySelectorAll('[data-id="billing-currency"]');
        expect(blocks).toHaveLength(2);
        const [eur, usd] = Array.from(blocks) as HTMLElement[];
        expect(eur.dataset.currency).toBe('EUR');
        expect(eur.querySelector('[data-id="billing-state"]')!.textContent!.trim()).toBe(BILLING_LABELS.stateOverdue);
        expect(eur.querySelector('[data-id="billing-state"]')!.getAttribute('aria-label')).toBe(
            formatLabel(BILLING_LABELS.stateAria, 'EUR', BILLING_LABELS.stateOverdue)
        );
        expect(eur.querySelector('[data-id="billing-overdue"]')!.textContent).toContain(
            formatLabel(BILLING_LABELS.overdueCount, 1, 3)
        );
        expect(eur.querySelector('[data-id="billing-overdue"] a')!.textContent).toBe('INV-3');
        const eurAmounts = Array.from(eur.querySelectorAll('[data-id="billing-overdue"] lightning-formatted-number'));
        expect((eurAmounts[0] as unknown as Record<string, unknown>).value).toBe(50);
        expect((eurAmounts[0] as unknown as Record<string, unknown>).currencyCode).toBe('EUR');
        expect(usd.querySelector('[data-id="billing-state"]')!.className).toContain('slds-theme_error');
        expect(usd.querySelector('[data-id="billing-overdue"]')!.textContent).toContain(
            formatLabel(BILLING_LABELS.overdueCount, 2, 75)
        );
        expect(usd.querySelector('[data-id="billing-overdue"] a')).toBeNull();
    });

    it('formats figures without a currency code as plain numbers', () => {
        const element = render(health({ currencies: [money({ currencyCode: 'N/A', lastPaymentDate: null })] }));
        expect(numbers(element, 'billing-open-balance')[0].formatStyle).toBe('decimal');
        expect(text(element, 'billing-last-payment')).toBe(BILLING_LABELS.none);
    });

    it('says when payments are hidden and when figures are incomplete', () => {
        const element = render(
            health({ paymentsReadable: false, truncated: true, currencies: [money({ nextRenewal: null })] })
        );
        expect(text(element, 'billing-last-payment')).toBe(BILLING_LABELS.paymentsHidden);
        expect(text(element, 'billing-truncated')).toBe(BILLING_LABELS.truncated);
        expect(text(element, 'billing-next-renewal')).toBe(BILLING_LABELS.none);
    });

    it('opens a Zuora 360 record inside Lightning on click', async () => {
        const element = render(health());
        const link = byDataId<HTMLElement>(element, 'billing-last-payment')!.querySelector('a')!;
        link.click();
        await flushPromises();
        expect(navigateMock).toHaveBeenCalledWith(
            { type: 'standard__recordPage', attributes: { recordId: PAYMENT, actionName: 'view' } },
            undefined
        );
    });

    it('ignores clicks on elements without a record', () => {
        const element = render(health());
        const handler = (element as unknown as { handleOpen?: unknown }).handleOpen;
        expect(handler).toBeUndefined();
        byDataId<HTMLElement>(element, 'billing-open-balance')!.click();
        expect(navigateMock).not.toHaveBeenCalled();
    });

    it('is accessible in every canned state', async () => {
        for (const value of Object.values(BILLING_HEALTH_STATES)) {
            const element = render(value);
            // eslint-disable-next-line no-await-in-loop -- one state at a time
            await expect(element).toBeAccessible();
            cleanDom();
        }
    });
});

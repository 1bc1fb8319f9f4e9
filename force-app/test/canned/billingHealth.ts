/**
 * Canned `AccountLinkState.billingHealth` values, one per state the billing health block shows. Shared by the
 * zuoraBillingHealth jest tests and meant for the real-browser preview (each entry is one preview state).
 */
const SUBSCRIPTION = 'a0C000000000001AAA';
const INVOICE = 'a0D000000000001AAA';
const PAYMENT = 'a0E000000000001AAA';
const USD_ACCOUNT = 'a0B000000000001AAA';
const EUR_ACCOUNT = 'a0B000000000002AAA';

export function cannedCurrency(overrides: Partial<BillingHealthCurrency> = {}): BillingHealthCurrency {
    return {
        currencyCode: 'USD',
        state: 'GOOD_STANDING',
        activeSubscriptions: 2,
        totalMrr: 350.5,
        nextRenewalDate: '2027-01-10',
        nextRenewal: { recordId: SUBSCRIPTION, label: 'A-S00001', currencyCode: 'USD' },
        openBalance: 500,
        overdueInvoices: 0,
        overdueAmount: 0,
        daysOverdue: 0,
        lastPaymentDate: '2026-11-01',
        lastPaymentAmount: 120,
        lastPayment: { recordId: PAYMENT, label: '120', currencyCode: 'USD' },
        ...overrides
    };
}

export function cannedHealth(overrides: Partial<BillingHealth> = {}): BillingHealth {
    return {
        access: 'AVAILABLE',
        state: 'GOOD_STANDING',
        paymentsReadable: true,
        truncated: false,
        collectionsThresholdDays: 60,
        currencies: [cannedCurrency()],
        billingAccounts: [{ recordId: USD_ACCOUNT, label: 'A00001001', currencyCode: 'USD' }],
        ...overrides
    };
}

/** Every state of the block, by preview name. */
export const BILLING_HEALTH_STATES: Record<string, BillingHealth> = {
    goodStanding: cannedHealth(),
    overdueAndCollectionsInTwoCurrencies: cannedHealth({
        state: 'IN_COLLECTIONS',
        currencies: [
            cannedCurrency({
                currencyCode: 'EUR',
                state: 'OVERDUE',
                overdueInvoices: 1,
                overdueAmount: 50,
                daysOverdue: 3,
                oldestDueDate: '2026-11-28',
                oldestOverdueInvoice: { recordId: INVOICE, label: 'INV-3', currencyCode: 'EUR' }
            }),
            cannedCurrency({ state: 'IN_COLLECTIONS', overdueInvoices: 2, overdueAmount: 300, daysOverdue: 75 })
        ],
        billingAccounts: [
            { recordId: EUR_ACCOUNT, label: 'A00001002', currencyCode: 'EUR' },
            { recordId: USD_ACCOUNT, label: 'A00001001', currencyCode: 'USD' }
        ]
    }),
    paymentsHiddenAndTruncated: cannedHealth({
        paymentsReadable: false,
        truncated: true,
        currencies: [cannedCurrency({ nextRenewal: null })]
    }),
    noBillingAccount: cannedHealth({ state: 'NO_BILLING_ACCOUNT', currencies: [], billingAccounts: [] }),
    notInstalled: cannedHealth({ access: 'NOT_INSTALLED', state: null, currencies: [], billingAccounts: [] }),
    noAccess: cannedHealth({ access: 'NO_ACCESS', state: null, currencies: [], billingAccounts: [] })
};

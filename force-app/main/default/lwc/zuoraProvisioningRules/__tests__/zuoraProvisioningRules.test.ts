import {
    candidateRows,
    contactText,
    currenciesFor,
    fieldValue,
    hasMatches,
    planAvailability,
    planText,
    resultText,
    validCurrency,
    validatePlan,
    withDefaults
} from 'c/zuoraProvisioningRules';
import { LABELS } from 'c/zuoraLabels';
import {
    CONTACT_ID,
    EUR_PLAN,
    FLAT_PLAN,
    SEATS_PLAN,
    catalog,
    contacts,
    defaults,
    domainMatch,
    duplicatesFound,
    failedAttempt,
    isoDate,
    noDuplicates,
    succeededAttempt,
    zuoraAccountSummary
} from '../../../../../test/fixtures/zuora-fixtures';

jest.mock(
    '@salesforce/label/c.Zuora_Validation_Term',
    () => require('../../../../../test/jest-utils/custom-labels').labelModule('Zuora_Validation_Term'),
    { virtual: true }
);

const CONTACTS = contacts();

describe('validatePlan and helpers', () => {
    const contact = CONTACTS[0];
    const valid = {
        billToContactId: CONTACT_ID,
        productRatePlanId: FLAT_PLAN.ratePlanId,
        currencyCode: 'USD',
        termType: 'TERMED' as const,
        initialTermMonths: 12,
        renewalTermMonths: 24,
        startDate: isoDate()
    };

    it('accepts a complete request', () => {
        expect(validatePlan(valid, FLAT_PLAN, defaults(), contact)).toEqual([]);
    });

    it('rejects terms above 120 months or fractional', () => {
        expect(validatePlan({ ...valid, renewalTermMonths: 121 }, FLAT_PLAN, defaults(), contact)).toHaveLength(1);
        expect(validatePlan({ ...valid, initialTermMonths: 1.5 }, FLAT_PLAN, defaults(), contact)).toHaveLength(1);
    });

    it('rejects malformed start dates', () => {
        expect(validatePlan({ ...valid, startDate: '21/11/2026' }, FLAT_PLAN, defaults(), contact)[0].field).toBe(
            'startDate'
        );
    });

    it('does not need a state outside the listed countries', () => {
        expect(
            validatePlan(
                valid,
                FLAT_PLAN,
                defaults({ billingCountry: 'Germany', billingCountryCode: 'DE', billingState: null }),
                contact
            )
        ).toEqual([]);
    });

    it('checks with the limits and the country code Apex sent, not copies of its own', () => {
        const tight = defaults({ maxTermMonths: 24, startDateWindowDays: 10 });
        expect(validatePlan(valid, FLAT_PLAN, tight, contact)).toEqual([]);
        expect(validatePlan({ ...valid, initialTermMonths: 25 }, FLAT_PLAN, tight, contact)).toEqual([
            { field: 'initialTermMonths', message: 'Enter initial and renewal terms between 1 and 24 months.' }
        ]);
        expect(validatePlan({ ...valid, startDate: isoDate(11) }, FLAT_PLAN, tight, contact)[0].field).toBe(
            'startDate'
        );
        const unknown = defaults({ billingCountry: 'Atlantis', billingCountryCode: null });
        expect(validatePlan(valid, FLAT_PLAN, unknown, contact)).toEqual([
            { field: 'billingAddress', message: LABELS.validationCountryUnknown }
        ]);
    });

    it('lists the currencies a plan can be sold in', () => {
        expect(currenciesFor(SEATS_PLAN, defaults())).toEqual(['USD', 'EUR']);
        expect(currenciesFor(undefined, defaults())).toEqual(['USD', 'EUR', 'GBP']);
        expect(currenciesFor(SEATS_PLAN, defaults({ supportedCurrencies: [] }))).toEqual(['USD', 'EUR']);
    });
});
describe('form helpers', () => {
    it('parses the numeric fields and empties to undefined', () => {
        expect(fieldValue('quantity', '5')).toBe(5);
        expect(fieldValue('initialTermMonths', '')).toBeUndefined();
        expect(fieldValue('renewalTermMonths', null)).toBeUndefined();
        expect(fieldValue('currencyCode', 'EUR')).toBe('EUR');
        expect(fieldValue('startDate', '')).toBeUndefined();
    });

    it('fills the settings defaults without overwriting what the user entered', () => {
        const form = withDefaults({ currencyCode: 'EUR', billToContactId: CONTACT_ID }, defaults());
        expect(form).toEqual({
            currencyCode: 'EUR',
            billToContactId: CONTACT_ID,
            termType: 'TERMED',
            initialTermMonths: 12,
            renewalTermMonths: 12,
            startDate: isoDate()
        });
    });

    it('keeps a currency the plan sells in, otherwise the default, otherwise the first', () => {
        expect(validCurrency({ currencyCode: 'EUR' }, SEATS_PLAN, defaults())).toBe('EUR');
        expect(validCurrency({ currencyCode: 'GBP' }, SEATS_PLAN, defaults())).toBe('USD');
        expect(validCurrency({ currencyCode: 'USD' }, EUR_PLAN, defaults())).toBe('EUR');
    });

    it('says whether the plan step can be filled in, and why not', () => {
        expect(planAvailability(undefined, undefined, undefined, undefined)).toEqual({
            loading: true,
            unavailable: false,
            noContacts: false,
            noPlans: false
        });
        expect(planAvailability(CONTACTS, undefined, catalog(), undefined)).toEqual({
            loading: false,
            unavailable: false,
            noContacts: false,
            noPlans: false
        });
        expect(planAvailability([], undefined, { plans: [], defaults: defaults() }, undefined)).toEqual({
            loading: false,
            unavailable: true,
            noContacts: true,
            noPlans: true
        });
        // A failed read is not "no contacts": its error is shown instead.
        expect(planAvailability([], 'offline', undefined, 'catalog down')).toEqual({
            loading: false,
            unavailable: true,
            noContacts: false,
            noPlans: false
        });
    });
});

describe('display helpers', () => {
    it('finds matches in Salesforce records or Zuora accounts only', () => {
        expect(hasMatches(undefined)).toBe(false);
        expect(hasMatches(noDuplicates())).toBe(false);
        expect(hasMatches(duplicatesFound())).toBe(true);
        expect(hasMatches(noDuplicates({ zuoraAccounts: [zuoraAccountSummary()] }))).toBe(true);
    });

    it('links each candidate to its record', () => {
        const match = domainMatch();
        expect(candidateRows([match])[0].url).toBe(`/lightning/r/${match.objectType}/${match.recordId}/view`);
        expect(candidateRows(undefined)).toEqual([]);
    });

    it('names contacts and plans without blank parts', () => {
        expect(contactText({ id: CONTACT_ID, name: 'Ada', email: null, title: 'CFO' } as ContactOption, true)).toBe(
            'Ada · CFO'
        );
        expect(contactText(undefined)).toBe('');
        expect(planText(FLAT_PLAN)).toBe(`${FLAT_PLAN.productName} — ${FLAT_PLAN.ratePlanName}`);
        expect(planText(undefined)).toBe('');
    });

    it('words the outcome of a finished attempt', () => {
        expect(resultText(undefined)).toBe('');
        expect(resultText(succeededAttempt())).toBe(LABELS.resultSuccess);
        expect(resultText(failedAttempt())).toBe(LABELS.resultFailed);
    });

    it('puts the term limit Apex sent into the term message', () => {
        const errors = validatePlan(
            { termType: 'TERMED', initialTermMonths: 0, renewalTermMonths: 12 },
            FLAT_PLAN,
            defaults({ maxTermMonths: 36 }),
            CONTACTS[0]
        );
        expect(errors.find((e) => e.field === 'initialTermMonths')?.message).toBe(
            'Enter initial and renewal terms between 1 and 36 months.'
        );
    });
});

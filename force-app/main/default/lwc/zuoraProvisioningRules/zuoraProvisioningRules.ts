/**
 * The rules of the "Create in Zuora" wizard that more than one step needs: the plan form, its client-side
 * validation, the currencies a plan sells in, and the table and text helpers of the duplicate and review lists.
 *
 * The limits (longest term, start-date window) and the billing country's ISO code are NOT kept here: Apex sends
 * them in `ProvisioningDefaults` (`maxTermMonths`, `startDateWindowDays`, `billingCountryCode`, read from
 * ProvisioningValidator and ZuoraCountryCodes), so what the wizard checks is what the server checks.
 */
import LOCALE from '@salesforce/i18n/locale';
import { LABELS, formatLabel } from 'c/zuoraLabels';

const NUMERIC_FIELDS: ReadonlySet<keyof ZuoraPlanForm> = new Set([
    'quantity',
    'initialTermMonths',
    'renewalTermMonths'
]);
const DAY_MS = 86400000;

/** The form value of an input's change: numbers for the numeric fields, undefined for an empty input. */
export function fieldValue(
    field: keyof ZuoraPlanForm,
    raw: string | null | undefined
): ZuoraPlanForm[keyof ZuoraPlanForm] {
    if (NUMERIC_FIELDS.has(field)) return raw === '' || raw === null || raw === undefined ? undefined : Number(raw);
    return (raw || undefined) as ZuoraPlanForm[keyof ZuoraPlanForm];
}

function isTermInRange(months: number | undefined, max: number): boolean {
    return typeof months === 'number' && Number.isInteger(months) && months >= 1 && months <= max;
}

/** True when an ISO date (YYYY-MM-DD) lies within `windowDays` of today. */
function isStartDateInRange(isoDate: string | undefined, windowDays: number, today: Date): boolean {
    if (!isoDate || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return false;
    const start = Date.parse(`${isoDate}T00:00:00Z`);
    const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
    return Math.abs(start - todayUtc) <= windowDays * DAY_MS;
}

/** The currencies a plan can be sold in: the plan's own currencies that the tenant settings also allow. */
export function currenciesFor(plan: CatalogPlan | undefined, defaults: ProvisioningDefaults): string[] {
    const supported = defaults.supportedCurrencies ?? [];
    if (!plan || !plan.currencies || plan.currencies.length === 0) return [...supported];
    if (supported.length === 0) return [...plan.currencies];
    return plan.currencies.filter((c) => supported.includes(c));
}

function contactError(form: ZuoraPlanForm, contact: ContactOption | undefined): string | undefined {
    if (!form.billToContactId || !contact) return LABELS.validationContact;
    return (contact.email ?? '').trim() ? undefined : LABELS.validationContactEmail;
}

function termError(form: ZuoraPlanForm, defaults: ProvisioningDefaults): string | undefined {
    if (form.termType !== 'TERMED') return undefined;
    const max = defaults.maxTermMonths;
    const valid = isTermInRange(form.initialTermMonths, max) && isTermInRange(form.renewalTermMonths, max);
    return valid ? undefined : formatLabel(LABELS.validationTerm, max);
}

/** The Account's billing address as ProvisioningValidator checks it: a known country, a state where needed. */
function addressError(defaults: ProvisioningDefaults): string | undefined {
    const country = (defaults.billingCountry ?? '').trim();
    if (!country) return LABELS.validationCountry;
    const code = defaults.billingCountryCode;
    if (!code) return formatLabel(LABELS.validationCountryUnknown, country);
    const needsState = (defaults.countriesRequiringState ?? []).includes(code);
    return needsState && !(defaults.billingState ?? '').trim()
        ? formatLabel(LABELS.validationState, country)
        : undefined;
}

/**
 * The rules of Apex ProvisioningValidator the user can fix in the wizard, checked before anything is sent, with
 * the limits Apex sent in `defaults`. The server validates again; its messages are shown when it disagrees.
 */
export function validatePlan(
    form: ZuoraPlanForm,
    plan: CatalogPlan | undefined,
    defaults: ProvisioningDefaults,
    contact?: ContactOption,
    today: Date = new Date()
): ZuoraValidationError[] {
    const quantityMissing =
        Boolean(plan?.requiresQuantity) && !(typeof form.quantity === 'number' && form.quantity > 0);
    const currencyInvalid = !form.currencyCode || !currenciesFor(plan, defaults).includes(form.currencyCode);
    const startInvalid = !isStartDateInRange(form.startDate, defaults.startDateWindowDays, today);
    const checks: Array<[ZuoraValidationError['field'], string | undefined]> = [
        ['billToContactId', contactError(form, contact)],
        ['productRatePlanId', plan ? undefined : LABELS.validationPlan],
        ['quantity', quantityMissing ? LABELS.validationQuantity : undefined],
        [
            'currencyCode',
            currencyInvalid ? formatLabel(LABELS.validationCurrency, form.currencyCode || '—') : undefined
        ],
        ['initialTermMonths', termError(form, defaults)],
        ['startDate', startInvalid ? LABELS.validationStartDate : undefined],
        ['billingAddress', addressError(defaults)]
    ];
    return checks
        .filter((check): check is [ZuoraValidationError['field'], string] => check[1] !== undefined)
        .map(([field, message]) => ({ field, message }));
}

/** A term length in the user's locale with its unit ("12 months", "1 month"; "12 Monate" in German). */
export function monthsText(months: number | undefined, locale: string = LOCALE): string {
    if (typeof months !== 'number') return '—';
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'month', unitDisplay: 'long' }).format(months);
}

/**
 * Datatable columns without the default header menu (wrap/clip text), wrapping long values instead of cutting
 * them off.
 */
export function tableColumns(columns: Array<Record<string, unknown>>): unknown[] {
    return columns.map((column) => ({ hideDefaultActions: true, wrapText: true, ...column }));
}

/** Duplicate candidates with a Lightning Experience link to each record. */
export function candidateRows(candidates: MatchCandidate[] | undefined): ZuoraCandidateRow[] {
    return (candidates ?? []).map((c) => ({ ...c, url: `/lightning/r/${c.objectType}/${c.recordId}/view` }));
}

/** The columns of a duplicate-candidate table (step 1 and the new matches on the review step). */
export function candidateColumns(): unknown[] {
    return tableColumns([
        {
            label: LABELS.colRecord,
            fieldName: 'url',
            type: 'url',
            typeAttributes: { label: { fieldName: 'name' }, target: '_blank' }
        },
        { label: LABELS.colType, fieldName: 'objectType' },
        { label: LABELS.colReason, fieldName: 'reasonLabel' },
        { label: LABELS.colDetail, fieldName: 'detail' }
    ]);
}

/** "Name · email · title" of a bill-to contact, leaving out what is blank. */
export function contactText(contact: ContactOption | undefined, withTitle = false): string {
    if (!contact) return '';
    const parts = withTitle ? [contact.name, contact.email, contact.title] : [contact.name, contact.email];
    return parts.filter((part) => Boolean(part)).join(' · ');
}

/** "Product — Rate plan" of a catalog plan. */
export function planText(plan: CatalogPlan | undefined): string {
    return plan ? `${plan.productName} — ${plan.ratePlanName}` : '';
}

/** The form with the settings' defaults where the user has not entered anything yet. */
export function withDefaults(form: ZuoraPlanForm, defaults: ProvisioningDefaults): ZuoraPlanForm {
    const { currencyCode, termType, initialTermMonths, renewalTermMonths, startDate } = defaults;
    return { currencyCode, termType, initialTermMonths, renewalTermMonths, startDate, ...form };
}

/** The currency to keep after a plan change: the chosen one when the plan sells in it, else the default or the first. */
export function validCurrency(
    form: ZuoraPlanForm,
    plan: CatalogPlan | undefined,
    defaults: ProvisioningDefaults
): string {
    const allowed = currenciesFor(plan, defaults);
    if (form.currencyCode && allowed.includes(form.currencyCode)) return form.currencyCode;
    return allowed.includes(defaults.currencyCode) ? defaults.currencyCode : allowed[0];
}

export function planAvailability(
    contacts: ContactOption[] | undefined,
    contactsError: string | undefined,
    catalog: CatalogResult | undefined,
    catalogError: string | undefined
): ZuoraPlanAvailability {
    const noContacts = contacts !== undefined && contacts.length === 0 && !contactsError;
    const noPlans = Boolean(catalog) && (catalog?.plans ?? []).length === 0;
    return {
        loading: (contacts === undefined && !contactsError) || (!catalog && !catalogError),
        unavailable: Boolean(contactsError || catalogError) || noContacts || noPlans,
        noContacts,
        noPlans
    };
}

/** Whether the duplicate check found Salesforce records or Zuora accounts the user must look at first. */
export function hasMatches(result: DuplicateCheckResult | undefined): boolean {
    return (result?.candidates?.length ?? 0) > 0 || (result?.zuoraAccounts?.length ?? 0) > 0;
}

/** The outcome sentence of a finished attempt: the new account and subscription numbers, or why it failed. */
export function resultText(status: ProvisioningStatus | undefined): string {
    if (!status) return '';
    return status.status === 'Succeeded'
        ? formatLabel(LABELS.resultSuccess, status.zuoraAccountNumber, status.zuoraSubscriptionNumber)
        : formatLabel(LABELS.resultFailed, status.message || LABELS.errorTitle);
}

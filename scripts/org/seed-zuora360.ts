/**
 * Zuora 360 demo records for billing health and renewal opportunities: one billing account, two subscriptions and two
 * invoices per demo Account, written into the Zuora 360 objects (`Zuora__CustomerAccount__c`, `Zuora__Subscription__c`,
 * `Zuora__ZInvoice__c`) as Zuora's sync would. Only for orgs where the Zuora 360 package is installed; elsewhere it
 * prints one notice and writes nothing. Records are upserted on `Zuora__External_Id__c` (documented as the External ID
 * Zuora 360 itself upserts on, zuora-api.md F6) with a `zal-seed-` prefix, so re-running creates nothing new.
 * Only documented field names are written (F6); `Zuora__Payment__c` is not seeded because F6 documents none of its
 * fields. Called by `org:seed` / `org:setup` after the demo Accounts exist (setup.ts step "Demo data").
 */
import type { Output } from '../lib/cli.ts';
import type { OrgSession } from '../lib/org.ts';
import { writeRecords, type RecordFailure, type SeedRecord, type WriteResult } from '../lib/record-writer.ts';
import { zuora360Installed } from './setup.ts';

export const ZUORA_EXTERNAL_ID = 'Zuora__External_Id__c';
export const ZUORA360_ABSENT_NOTICE =
    'Zuora 360 records skipped: the Zuora 360 package (namespace Zuora) is not installed in this org. Billing health shows "not installed" and the renewal job records the same reason.';

export interface Zuora360Seed {
    billingAccounts: SeedRecord[];
    subscriptions: SeedRecord[];
    invoices: SeedRecord[];
}

function isoDay(today: Date, days: number): string {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days));
    return d.toISOString().slice(0, 10);
}

/**
 * Pure data: what to write for each demo Account (Account key → Salesforce Id), relative to `today`. The billing account
 * lookups of subscriptions and invoices hold the billing account's external id until {@link seedZuora360} replaces it
 * with the saved record's Id.
 */
export function zuora360SeedRecords(accountIds: ReadonlyMap<string, string>, today: Date): Zuora360Seed {
    const seed: Zuora360Seed = { billingAccounts: [], subscriptions: [], invoices: [] };
    let n = 0;
    for (const [key, accountId] of [...accountIds.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        n += 1;
        const billingKey = `zal-seed-ba-${key}`;
        const currency = n % 2 === 0 ? 'EUR' : 'USD';
        seed.billingAccounts.push({
            [ZUORA_EXTERNAL_ID]: billingKey,
            Name: `Demo billing ${key}`,
            Zuora__Account__c: accountId,
            Zuora__AccountNumber__c: `ZALSEED${String(n).padStart(4, '0')}`,
            Zuora__Currency__c: currency,
            Zuora__Status__c: 'Active'
        });
        // Renews inside the 90-day window (creates a renewal Opportunity) and one outside it.
        for (const [suffix, termEndDays, mrr] of [
            ['a', 30 + n, 100 * n],
            ['b', 400, 40]
        ] as const) {
            seed.subscriptions.push({
                [ZUORA_EXTERNAL_ID]: `zal-seed-sub-${key}-${suffix}`,
                Name: `ZALSEED-S${n}${suffix}`,
                Zuora__SubscriptionNumber__c: `ZALSEED-S${n}${suffix}`,
                Zuora__Account__c: accountId,
                Zuora__CustomerAccount__c: billingKey,
                Zuora__Status__c: 'Active',
                Zuora__TermSettingType__c: 'TERMED',
                Zuora__TermStartDate__c: isoDay(today, termEndDays - 365),
                Zuora__TermEndDate__c: isoDay(today, termEndDays),
                Zuora__RenewalTerm__c: '12',
                Zuora__MRR__c: mrr
            });
        }
        // One invoice overdue by 10 + n days (n ≥ 60 days reaches "in collections"), one not yet due.
        for (const [suffix, dueDays, balance] of [
            ['1', -(10 + n * 7), 250],
            ['2', 20, 90]
        ] as const) {
            seed.invoices.push({
                [ZUORA_EXTERNAL_ID]: `zal-seed-inv-${key}-${suffix}`,
                Name: `ZALSEED-INV${n}${suffix}`,
                Zuora__Account__c: accountId,
                Zuora__BillingAccount__c: billingKey,
                Zuora__Status__c: 'Posted',
                Zuora__InvoiceDate__c: isoDay(today, dueDays - 30),
                Zuora__DueDate__c: isoDay(today, dueDays),
                Zuora__TotalAmount__c: balance,
                Zuora__Balance2__c: balance
            });
        }
    }
    return seed;
}

/** What {@link seedZuora360} did: one write result per object, plus the records never sent because their parent failed. */
export interface Zuora360SeedResult {
    results: WriteResult[];
    skipped: RecordFailure[];
    /** Records not saved (refused + skipped): non-zero means `org:seed` exits 1. */
    notSaved: number;
}

/**
 * Writes the Zuora 360 demo records when Zuora 360 is installed; otherwise prints {@link ZUORA360_ABSENT_NOTICE}.
 * Every record not saved is listed, children skipped because their billing account failed included.
 */
export async function seedZuora360(
    session: OrgSession,
    output: Output,
    accountIds: ReadonlyMap<string, string>,
    today: Date = new Date()
): Promise<Zuora360SeedResult> {
    const outcome: Zuora360SeedResult = { results: [], skipped: [], notSaved: 0 };
    if (!(await zuora360Installed(session))) {
        output.out(`  ${ZUORA360_ABSENT_NOTICE}`);
        return outcome;
    }
    const seed = zuora360SeedRecords(accountIds, today);
    const write = async (sobject: string, records: SeedRecord[], skipped: RecordFailure[]): Promise<WriteResult> => {
        const result = await writeRecords(session, records, {
            sobject,
            externalIdField: ZUORA_EXTERNAL_ID,
            strategy: 'collections'
        });
        const sent = records.length + skipped.length;
        output.out(
            `  ${sobject}: ${sent} to write, ${result.succeeded} upserted, ${sent - result.succeeded} not saved`
        );
        for (const f of [...result.failures, ...skipped]) output.out(`    ✖ ${sobject} ${f.key}: ${f.message}`);
        outcome.results.push(result);
        outcome.skipped.push(...skipped);
        outcome.notSaved += result.failures.length + skipped.length;
        return result;
    };
    const billing = await write('Zuora__CustomerAccount__c', seed.billingAccounts, []);
    const withParent = async (sobject: string, records: SeedRecord[], field: string): Promise<void> => {
        const ready: SeedRecord[] = [];
        const skipped: RecordFailure[] = [];
        for (const r of records) {
            const parentId = billing.ids.get(String(r[field]));
            if (parentId) ready.push({ ...r, [field]: parentId });
            else
                skipped.push({
                    key: String(r[ZUORA_EXTERNAL_ID]),
                    message: `skipped: billing account ${String(r[field])} was not saved`
                });
        }
        await write(sobject, ready, skipped);
    };
    await withParent('Zuora__Subscription__c', seed.subscriptions, 'Zuora__CustomerAccount__c');
    await withParent('Zuora__ZInvoice__c', seed.invoices, 'Zuora__BillingAccount__c');
    return outcome;
}

/**
 * `npm run bench:backfill`: walks the CRM ID backfill's chain of transactions for N Zuora accounts without a CRM ID
 * step by step, the way `BackfillRunner` does (Scan: K pages of P accounts per transaction; Link: 1 re-read + 1 PUT
 * per account, B accounts per transaction, keys recorded one transaction earlier; Sync: up to 50 Accounts per
 * transaction in on-demand sync sessions of 10), and prints Zuora calls, transactions and the largest number of
 * callouts any one transaction makes. It is a model of the documented algorithm (no org runs here): it counts, it
 * does not time. Time = transactions × seconds per transaction, which docs/backfill.md spells out.
 */
import { isMain, parseCommandLine, processOutput, runMain, type CommandSpec, type Output } from '../lib/cli.ts';
import { formatCount } from '../lib/progress.ts';

/** Salesforce's callout limit per transaction. */
export const CALLOUT_LIMIT = 100;
/** Zuora 360 on-demand sync: accounts per `sendRequest()` session. */
export const SYNC_SESSION = 10;
/** Accounts per Sync step (5 sessions, `ZuoraSyncService.MAX_SESSIONS_PER_TRANSACTION`). */
export const SYNC_BATCH = 50;

export const backfillPlanCommand = {
    usage: 'npm run bench:backfill --',
    summary: 'Zuora calls and transactions of a CRM ID backfill for N Zuora accounts without a CRM ID.',
    options: {
        accounts: {
            type: 'integer',
            valueName: 'N',
            min: 0,
            max: 10_000_000,
            default: 10_000,
            description: 'Zuora accounts without a CRM ID.'
        },
        linkedPercent: {
            type: 'integer',
            valueName: 'PCT',
            min: 0,
            max: 100,
            default: 80,
            description: 'Share that is linked (unique or approved matches).'
        },
        pageSize: {
            type: 'integer',
            valueName: 'P',
            min: 1,
            max: 99,
            default: 50,
            description: 'Backfill_Page_Size__c.'
        },
        pagesPerTransaction: {
            type: 'integer',
            valueName: 'K',
            min: 1,
            max: 10,
            default: 2,
            description: 'Backfill_Pages_Per_Transaction__c.'
        },
        linkBatch: {
            type: 'integer',
            valueName: 'B',
            min: 1,
            max: 98,
            default: 50,
            description: 'Backfill_Link_Batch_Size__c.'
        }
    }
} as const satisfies CommandSpec;

export interface PlanInput {
    accounts: number;
    linked: number;
    pageSize: number;
    pagesPerTransaction: number;
    linkBatch: number;
}

export interface Plan {
    pages: number;
    scanTransactions: number;
    linkTransactions: number;
    syncTransactions: number;
    transactions: number;
    zuoraRestCalls: number;
    syncSessions: number;
    maxCalloutsPerTransaction: number;
}

/** Simulates the run: Scan until both empty-crmId filters are read, then Link/Sync batches until nothing is left. */
export function simulate(input: PlanInput): Plan {
    const { accounts, linked, pageSize, pagesPerTransaction, linkBatch } = input;
    // Filter 1 (crmId null) holds every account here; filter 2 (empty string) answers one empty page.
    const pages = Math.max(1, Math.ceil(accounts / pageSize)) + 1;
    let maxCallouts = 0;
    let scanTransactions = 0;
    for (let read = 0; read < pages; read += pagesPerTransaction) {
        scanTransactions++;
        maxCallouts = Math.max(maxCallouts, Math.min(pagesPerTransaction, pages - read));
    }
    // Apply mode records the first keys at the end of the scan; each Link step sends one batch and records the next.
    let linkTransactions = 0;
    let syncTransactions = 0;
    let sessions = 0;
    let calls = pages;
    for (let done = 0; done < linked; done += linkBatch) {
        const batch = Math.min(linkBatch, linked - done);
        linkTransactions++;
        calls += 1 + batch;
        maxCallouts = Math.max(maxCallouts, 1 + batch);
        for (let synced = 0; synced < batch; synced += SYNC_BATCH) {
            const size = Math.min(SYNC_BATCH, batch - synced);
            syncTransactions++;
            sessions += Math.ceil(size / SYNC_SESSION);
            maxCallouts = Math.max(maxCallouts, size);
        }
    }
    linkTransactions++; // the last Link step finds nothing left and completes the run
    return {
        pages,
        scanTransactions,
        linkTransactions,
        syncTransactions,
        transactions: scanTransactions + linkTransactions + syncTransactions,
        zuoraRestCalls: calls,
        syncSessions: sessions,
        maxCalloutsPerTransaction: maxCallouts
    };
}

export function planTable(input: PlanInput, plan: Plan): string {
    return [
        '| Figure | Value |',
        '| --- | ---: |',
        `| Zuora accounts without CRM ID (N) | ${formatCount(input.accounts)} |`,
        `| Linked (L) | ${formatCount(input.linked)} |`,
        `| Object Query pages | ${formatCount(plan.pages)} |`,
        `| Zuora REST calls (pages + L + re-reads) | ${formatCount(plan.zuoraRestCalls)} |`,
        `| On-demand sync sessions (≤ ${SYNC_SESSION} accounts each) | ${formatCount(plan.syncSessions)} |`,
        `| Transactions: scan / link / sync / total | ${plan.scanTransactions} / ${plan.linkTransactions} / ${plan.syncTransactions} / ${plan.transactions} |`,
        `| Most callouts in one transaction | ${plan.maxCalloutsPerTransaction} (limit ${CALLOUT_LIMIT}) |`
    ].join('\n');
}

export async function runBackfillPlan(argv: readonly string[], output: Output): Promise<number> {
    const parsed = parseCommandLine(backfillPlanCommand, argv);
    if (parsed.help) {
        output.out(parsed.text);
        return 0;
    }
    const o = parsed.options;
    const input: PlanInput = {
        accounts: o.accounts,
        linked: Math.floor((o.accounts * o.linkedPercent) / 100),
        pageSize: o.pageSize,
        pagesPerTransaction: o.pagesPerTransaction,
        linkBatch: o.linkBatch
    };
    const plan = simulate(input);
    output.out(planTable(input, plan));
    const ok = plan.maxCalloutsPerTransaction < CALLOUT_LIMIT;
    output.out(`Callouts per transaction: ${ok ? 'OK' : 'OVER THE LIMIT'}`);
    return ok ? 0 : 1;
}

if (isMain(import.meta.url)) {
    const output = processOutput();
    await runMain(() => runBackfillPlan(process.argv.slice(2), output), output);
}

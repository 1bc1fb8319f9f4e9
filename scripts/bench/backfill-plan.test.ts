import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryOutput } from '../lib/cli.ts';
import { runBackfillPlan, simulate } from './backfill-plan.ts';

const defaults = { pageSize: 50, pagesPerTransaction: 2, linkBatch: 50 };

test('two pages of 50, all linked: every transaction stays far under 100 callouts', () => {
    const plan = simulate({ accounts: 100, linked: 100, ...defaults });
    assert.equal(plan.pages, 3, '2 full pages + the empty-string filter page');
    assert.equal(plan.scanTransactions, 2);
    assert.equal(plan.zuoraRestCalls, 3 + 100 + 2);
    assert.equal(plan.linkTransactions, 3, '2 batches + the completing step');
    assert.equal(plan.syncTransactions, 2);
    assert.equal(plan.syncSessions, 10);
    assert.equal(plan.maxCalloutsPerTransaction, 51);
});

test('10,000 accounts, 80 % linked', () => {
    const plan = simulate({ accounts: 10_000, linked: 8_000, ...defaults });
    assert.equal(plan.pages, 201);
    assert.equal(plan.scanTransactions, 101);
    assert.equal(plan.zuoraRestCalls, 201 + 8_000 + 160);
    assert.equal(plan.transactions, 101 + 161 + 160);
    assert.ok(plan.maxCalloutsPerTransaction < 100);
});

test('the command prints the table and checks the limit; --help', async () => {
    const output = memoryOutput();
    assert.equal(await runBackfillPlan(['--accounts', '100', '--linked-percent', '100'], output), 0);
    assert.match(output.text(), /Most callouts in one transaction \| 51 \(limit 100\)/);
    const help = memoryOutput();
    assert.equal(await runBackfillPlan(['--help'], help), 0);
    assert.match(help.text(), /--page-size/);
});

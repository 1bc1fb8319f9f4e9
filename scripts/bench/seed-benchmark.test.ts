import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryOutput } from '../lib/cli.ts';
import { benchStrategy, benchTable, runBenchCommand } from './seed-benchmark.ts';

test('request counts per strategy (not a timing test)', async () => {
    const single = await benchStrategy('single', 40, 8);
    const collections = await benchStrategy('collections', 300, 8, undefined, 1);
    const bulk = await benchStrategy('bulk', 300, 8, undefined, 1);

    assert.equal(single.result.requests, 40);
    assert.equal(collections.result.requests, 2);
    assert.equal(bulk.result.requests, 6, 'create, upload, close, three polls');
    const table = benchTable([single, collections, bulk]);
    assert.match(table, /\| Per-record REST \(POST \/sobjects\/Account\) \| 40 \| 40 \|/);
    assert.match(table, /\| Bulk API 2\.0 \(one ingest job\) \| 300 \| 6 \|/);
});

test('the command reports the Bulk budget', async () => {
    const output = memoryOutput();
    const code = await runBenchCommand(['--count', '30'], output);
    assert.equal(code, 0);
    assert.match(output.text(), /Bulk API 2\.0 used 6 requests \(budget ≤ 10 for 10,000 records\): OK/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';

test('placeholder until the org scripts land', () => {
    assert.equal(1 + 1, 2);
});

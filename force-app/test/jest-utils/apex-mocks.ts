/**
 * Module factories for `jest.mock('@salesforce/apex/Class.method', …)`. jest.mock hoists its factory above the
 * imports, so a test file calls these through `require` inside the factory:
 *   jest.mock('@salesforce/apex/C.m', () => require('<relative>/test/jest-utils/apex-mocks').apexWire(), { virtual: true });
 */
type WireAdapterFactory = { createApexTestWireAdapter(fn: jest.Mock): unknown };

/** A cacheable Apex method: a test wire adapter that tests drive with emit()/error(). */
export function apexWire(): { default: unknown } {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest') as WireAdapterFactory;
    return { default: createApexTestWireAdapter(jest.fn()) };
}

/** An imperative Apex method: a plain jest.fn the tests resolve or reject. */
export function apexMethod(): { default: jest.Mock } {
    return { default: jest.fn() };
}

import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';

/** Test wire adapter: tests call `getRecord.emit(record)` / `getRecord.error()`. */
export const getRecord = createLdsTestWireAdapter(jest.fn());

export const notifyRecordUpdateAvailable = jest.fn(() => Promise.resolve());

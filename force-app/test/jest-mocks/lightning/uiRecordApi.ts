export const notifyRecordUpdateAvailable = jest.fn(() => Promise.resolve());

const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const mocks = '<rootDir>/force-app/test/jest-mocks';

module.exports = {
    ...jestConfig,
    testMatch: ['**/lwc/**/__tests__/**/*.test.ts'],
    // scripts/**/*.test.ts are node:test suites run by the gate separately, not Jest tests.
    testPathIgnorePatterns: [...(jestConfig.testPathIgnorePatterns || []), '<rootDir>/scripts/', '<rootDir>/build/'],
    moduleNameMapper: {
        ...(jestConfig.moduleNameMapper || {}),
        '^@salesforce/apex$': `${mocks}/apex`,
        '^lightning/platformShowToastEvent$': `${mocks}/lightning/platformShowToastEvent`,
        '^lightning/uiRecordApi$': `${mocks}/lightning/uiRecordApi`,
        '^lightning/actions$': `${mocks}/lightning/actions`,
        '^lightning/navigation$': `${mocks}/lightning/navigation`
    },
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/force-app/test/jest-setup.ts'],
    testTimeout: 10000
};

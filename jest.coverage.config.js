// Runs the same tests against the tsc-compiled .js — the code that ships — and measures coverage on it.
// (The TypeScript → LWC transform drops source maps, so .ts sources cannot be instrumented directly.)
const base = require('./jest.config');

module.exports = {
    ...base,
    moduleFileExtensions: ['js', 'html', 'ts'],
    collectCoverage: true,
    collectCoverageFrom: ['force-app/main/default/lwc/*/*.js'],
    coverageDirectory: 'coverage/lwc',
    coverageReporters: ['text-summary', 'json-summary', 'lcov'],
    coverageThreshold: { global: { lines: 90, statements: 90, functions: 85, branches: 75 } }
};

const lwcConfig = require('@salesforce/eslint-config-lwc');
const globals = require('globals');

module.exports = [
    {
        ignores: [
            'node_modules/**',
            'scripts/**',
            'build/**',
            'coverage/**',
            '.cache/**',
            '.sf/**',
            '.sfdx/**',
            '**/*.d.ts',
            // tsc output of the .ts sources: linted as TypeScript before it is compiled
            'force-app/main/default/lwc/*/*.js'
        ]
    },
    ...lwcConfig.configs.recommendedTs.map((c) => ({ ...c, files: ['force-app/**/*.ts'] })),
    {
        files: ['force-app/**/*.ts'],
        rules: {
            // TypeScript (tsc --strict) resolves identifiers; ESLint's no-undef does not understand type-only names
            // such as interfaces or `e as { body?: ... }`, so it reports false positives on .ts files.
            'no-undef': 'off'
        }
    },
    {
        files: ['force-app/**/__tests__/**/*.ts', 'force-app/test/**/*.ts'],
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        rules: {
            // Tests legitimately wait on timers and promises to observe async component behaviour.
            '@lwc/lwc/no-async-operation': 'off',
            // Test files import wire adapters to emit data into them.
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off'
        }
    }
];

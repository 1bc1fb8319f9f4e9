// Global UI types shared by the Zuora Account Link components (a script file: no import/export).
// Declared globally rather than imported because ESLint's no-unused-vars cannot see type-only imports in .ts files.

/** The `variant` of a lightning/platformShowToastEvent toast. */
type ZuoraToastVariant = 'info' | 'success' | 'warning' | 'error';

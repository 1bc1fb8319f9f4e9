/** Types of runtime.js for the typed state registry (states.ts). */
export declare const NEVER: Readonly<{ never: true }>;
export declare function setState(state: { name: string; apex: Record<string, unknown> }): void;
export declare function platformLog(): {
    apex: Array<{ method: string; params: unknown; how: 'wire' | 'call' }>;
    notifyRecordUpdateAvailable: unknown[];
    toasts: unknown[];
    closeAction: number;
};

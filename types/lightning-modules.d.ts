// Type declarations for the platform modules the components import that @salesforce/lightning-types does not cover.
// Shapes follow the LWC developer guide; only the members this project uses are declared.

declare module 'lightning/platformShowToastEvent' {
    export type ToastVariant = 'info' | 'success' | 'warning' | 'error';
    export interface ToastOptions {
        title: string;
        message?: string;
        variant?: ToastVariant;
        mode?: 'dismissible' | 'pester' | 'sticky';
    }
    export class ShowToastEvent extends CustomEvent<ToastOptions> {
        constructor(options: ToastOptions);
    }
}

declare module 'lightning/uiRecordApi' {
    export function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void>;
}

declare module 'lightning/actions' {
    export class CloseActionScreenEvent extends CustomEvent<undefined> {
        constructor();
    }
}

declare module 'lightning/navigation' {
    import { LightningElement } from 'lwc';
    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, unknown>;
    }
    type Constructor<T> = new (...args: any[]) => T;
    export function NavigationMixin<T extends Constructor<LightningElement>>(base: T): T;
    export namespace NavigationMixin {
        const Navigate: unique symbol;
        const GenerateUrl: unique symbol;
    }
}

declare module '@salesforce/apex' {
    export function refreshApex(wiredValue: unknown): Promise<void>;
}

declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}

/** The user's locale (Setup → Language & Locale), e.g. `en-US`. */
declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}

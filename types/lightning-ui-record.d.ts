// getRecord of lightning/uiRecordApi and @salesforce/schema field references, as far as the components use them.
// Ambient module declarations merge, so this adds to the 'lightning/uiRecordApi' module of lightning-modules.d.ts.

declare module 'lightning/uiRecordApi' {
    export interface FieldValueRepresentation {
        value: unknown;
        displayValue?: string | null;
    }
    export interface RecordRepresentation {
        id: string;
        fields: Record<string, FieldValueRepresentation>;
    }
    export const getRecord: import('lwc').WireAdapterConstructor<
        { recordId: string | undefined; fields?: unknown[]; optionalFields?: unknown[] },
        { data?: RecordRepresentation; error?: unknown }
    >;
}

declare module '@salesforce/schema/*' {
    const reference: { objectApiName: string; fieldApiName: string };
    export default reference;
}

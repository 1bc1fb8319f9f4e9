// Types of scripts/docs/architecture.mjs for the TypeScript tests that import it.
export interface ApexMember {
    name?: string;
    annotations: string[];
    isStatic: boolean;
    isConstructor?: boolean;
    isFinal?: boolean;
}
export interface ApexClass {
    file: string;
    name: string;
    keyword: 'class' | 'interface' | 'enum';
    annotations: string[];
    sharing: string;
    isAbstract: boolean;
    isVirtual: boolean;
    extends: string;
    interfaces: string[];
    methods: ApexMember[];
    fields: ApexMember[];
    inner: string[];
    description: string;
    soql: boolean;
    dml: boolean;
    http: boolean;
    code: string;
}
export const ROOT: string;
export const DOC: string;
export const BEGIN: string;
export const END: string;
export function splitApex(source: string): { code: string; comments: { start: number; text: string }[] };
export function analyseClass(file: string): ApexClass;
export function firstSentence(text: string): string;
export function kindOf(cls: ApexClass, exceptionNames: Set<string>, ports?: Set<string>): string;
export function inventory(): { prod: (ApexClass & { group: string; testsDir: string })[]; tests: ApexClass[] };
export function generateSection(): string;
export function renderDoc(current: string): string;

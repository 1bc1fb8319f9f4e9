/**
 * jest.mock factory body for `@salesforce/label/c.<Name>`: the label's deployed value from CustomLabels (jest's
 * default module is the label's name, so tests where the wording matters see the words users see):
 *   jest.mock('@salesforce/label/c.X', () => require('<relative>/test/jest-utils/custom-labels').labelModule('X'), { virtual: true });
 */
import { readFileSync } from 'fs';
import { join } from 'path';

const LABELS_FILE = join(__dirname, '../../main/default/labels/CustomLabels.labels-meta.xml');
let labels: Map<string, string> | undefined;

function unescapeXml(text: string): string {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

function allLabels(): Map<string, string> {
    if (!labels) {
        labels = new Map();
        for (const block of readFileSync(LABELS_FILE, 'utf8').split('<labels>').slice(1)) {
            const name = /<fullName>([^<]+)<\/fullName>/.exec(block)?.[1];
            const value = /<value>([\s\S]*?)<\/value>/.exec(block)?.[1];
            if (name && value !== undefined) labels.set(name, unescapeXml(value));
        }
    }
    return labels;
}

export function labelModule(name: string): { default: string } {
    const value = allLabels().get(name);
    if (value === undefined) throw new Error(`custom label ${name} is not in CustomLabels.labels-meta.xml`);
    return { default: value };
}

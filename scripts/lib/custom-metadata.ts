/**
 * Edits custom metadata record files (`<Type>.<Record>.md-meta.xml`) in place: changes only the `<value>` of the
 * fields asked for and keeps every other line as it is, so the diff a user reviews is minimal.
 */

export type CmdtValue =
    { type: 'string'; value: string } | { type: 'boolean'; value: boolean } | { type: 'double'; value: number };

function escapeXml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function valueElement(v: CmdtValue): string {
    return `<value xsi:type="xsd:${v.type}">${escapeXml(String(v.value))}</value>`;
}

/** Returns the XML with each field set; fields that are absent get a new `<values>` block before the end tag. */
export function setCmdtValues(xml: string, values: Readonly<Record<string, CmdtValue>>): string {
    let out = xml;
    for (const [field, value] of Object.entries(values)) {
        const block = new RegExp(`(<values>\\s*<field>${field}</field>\\s*)<value\\b[^>]*?(?:/>|>[\\s\\S]*?</value>)`);
        if (block.test(out)) {
            out = out.replace(block, (_m, head: string) => `${head}${valueElement(value)}`);
        } else {
            out = out.replace(
                /(\s*)<\/CustomMetadata>\s*$/,
                `\n    <values>\n        <field>${field}</field>\n        ${valueElement(value)}\n    </values>\n</CustomMetadata>\n`
            );
        }
    }
    return out;
}

/** Reads a field's value from a record file (undefined when absent or nil). */
export function getCmdtValue(xml: string, field: string): string | undefined {
    const m = new RegExp(`<values>\\s*<field>${field}</field>\\s*<value\\b[^>]*?>([\\s\\S]*?)</value>`).exec(xml);
    return m
        ? m[1]
              .replace(/&lt;/g, '<')
              .replace(/&gt;/g, '>')
              .replace(/&quot;/g, '"')
              .replace(/&amp;/g, '&')
        : undefined;
}

/** A new record file. */
export function newCmdtRecord(label: string, values: Readonly<Record<string, CmdtValue>>): string {
    const blocks = Object.entries(values)
        .map(([field, v]) => `    <values>\n        <field>${field}</field>\n        ${valueElement(v)}\n    </values>`)
        .join('\n');
    return [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        '<CustomMetadata',
        '    xmlns="http://soap.sforce.com/2006/04/metadata"',
        '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
        '    xmlns:xsd="http://www.w3.org/2001/XMLSchema"',
        '>',
        `    <label>${escapeXml(label.slice(0, 40))}</label>`,
        '    <protected>false</protected>',
        blocks,
        '</CustomMetadata>',
        ''
    ].join('\n');
}

/** A valid record DeveloperName: letters, digits and single underscores, starting with a letter, ≤ 40 chars. */
export function recordName(text: string): string {
    let name = text
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/_+/g, '_')
        .replace(/^_|_$/g, '');
    if (!/^[A-Za-z]/.test(name)) {
        name = `P_${name}`;
    }
    return name.slice(0, 40).replace(/_$/, '');
}

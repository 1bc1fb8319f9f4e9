/** Minimal RFC 4180 CSV (comma, double quotes, LF line endings) as Bulk API 2.0 expects by default. */

export type CsvValue = string | number | boolean | null | undefined;

function escapeCell(value: CsvValue): string {
    if (value === null || value === undefined) {
        return '';
    }
    const text = String(value);
    return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Serialises rows under a fixed header; missing values become empty cells. */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Readonly<Record<string, CsvValue>>>): string {
    const lines = [columns.map(escapeCell).join(',')];
    for (const row of rows) {
        lines.push(columns.map((c) => escapeCell(row[c])).join(','));
    }
    return `${lines.join('\n')}\n`;
}

/** Parses CSV text with a header line into records keyed by column name. */
export function parseCsv(text: string): Array<Record<string, string>> {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"' && text[i + 1] === '"') {
                cell += '"';
                i++;
            } else if (ch === '"') {
                quoted = false;
            } else {
                cell += ch;
            }
        } else if (ch === '"') {
            quoted = true;
        } else if (ch === ',') {
            row.push(cell);
            cell = '';
        } else if (ch === '\n' || ch === '\r') {
            if (ch === '\r' && text[i + 1] === '\n') {
                i++;
            }
            row.push(cell);
            rows.push(row);
            row = [];
            cell = '';
        } else {
            cell += ch;
        }
    }
    if (cell !== '' || row.length > 0) {
        row.push(cell);
        rows.push(row);
    }
    const [header, ...data] = rows.filter((r) => !(r.length === 1 && r[0] === ''));
    if (!header) {
        return [];
    }
    return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

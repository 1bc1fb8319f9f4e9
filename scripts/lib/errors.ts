/**
 * Errors the scripts expect (bad input, missing prerequisite, org refused a call). They are printed as one line
 * with exit code 1 and never with a stack trace; anything else is a bug and keeps its stack.
 */
export class UserError extends Error {
    readonly exitCode: number;
    readonly hint?: string;

    /** `name` is what `--json` reports (sf's error names where one exists, e.g. NamedOrgNotFoundError). */
    constructor(message: string, options: { hint?: string; exitCode?: number; cause?: unknown; name?: string } = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = options.name ?? 'UserError';
        this.hint = options.hint;
        this.exitCode = options.exitCode ?? 1;
    }
}

/** Values that must never reach the terminal or a log file, even inside an error message. */
const secrets = new Set<string>();

/** Registers a secret (e.g. ZUORA_CLIENT_SECRET) so that {@link redact} masks it wherever it appears. */
export function registerSecret(value: string | undefined): void {
    if (value && value.length >= 4) {
        secrets.add(value);
    }
}

/** Masks registered secrets and bearer tokens in text meant for output. */
export function redact(text: string): string {
    let out = text.replace(/(Bearer|OAuth)\s+[A-Za-z0-9!._~+/=-]{8,}/g, '$1 ***');
    for (const secret of secrets) {
        out = out.split(secret).join('***');
    }
    return out;
}

/** The message of anything thrown, without a stack. */
export function messageOf(error: unknown): string {
    if (error instanceof Error) {
        return error.message;
    }
    return String(error);
}

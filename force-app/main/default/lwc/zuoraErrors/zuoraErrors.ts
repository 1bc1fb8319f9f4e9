/**
 * Turns whatever an Apex call, a wire adapter or the UI API rejected with into sentences a sales user can read.
 * Apex `AuraHandledException` messages arrive in `body.message`; DML and field errors in `body.pageErrors` /
 * `body.fieldErrors`; network failures as plain `Error`s.
 */
export interface ApexErrorBody {
    message?: string;
    pageErrors?: Array<{ message?: string }>;
    fieldErrors?: Record<string, Array<{ message?: string }>>;
    output?: { errors?: Array<{ message?: string }> };
}

export interface ApexError {
    body?: ApexErrorBody | ApexErrorBody[] | null;
    message?: string;
    statusText?: string;
}

export const GENERIC_ERROR = 'Something went wrong. Try again, or ask your administrator to check the Zuora settings.';

function messagesOf(body: ApexErrorBody): string[] {
    const found: string[] = [];
    if (body.message) found.push(body.message);
    for (const e of body.pageErrors ?? []) if (e.message) found.push(e.message);
    for (const list of Object.values(body.fieldErrors ?? {}))
        for (const e of list) if (e.message) found.push(e.message);
    for (const e of body.output?.errors ?? []) if (e.message) found.push(e.message);
    return found;
}

/** All distinct messages inside one error or a list of errors, in order. */
export function reduceErrors(errors: unknown): string[] {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages: string[] = [];
    for (const raw of list) {
        if (raw === null || raw === undefined) continue;
        if (typeof raw === 'string') {
            messages.push(raw);
            continue;
        }
        const error = raw as ApexError;
        const bodies = Array.isArray(error.body) ? error.body : error.body ? [error.body] : [];
        const fromBody = bodies.flatMap(messagesOf);
        if (fromBody.length > 0) messages.push(...fromBody);
        else if (error.message) messages.push(error.message);
        else if (error.statusText) messages.push(error.statusText);
    }
    return [...new Set(messages.map((m) => m.trim()).filter((m) => m.length > 0))];
}

/** One readable sentence for a toast or an inline error; a generic hint when nothing readable came back. */
export function errorMessage(errors: unknown): string {
    const messages = reduceErrors(errors);
    return messages.length > 0 ? messages.join(' ') : GENERIC_ERROR;
}

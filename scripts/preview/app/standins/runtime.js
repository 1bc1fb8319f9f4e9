// What the stand-ins share with the preview harness: the current state's canned Apex answers and a log of the
// platform calls a component made (Apex, notifyRecordUpdateAvailable, toasts, closing the action), which the
// harness shows and preview:check reads from `window.__preview`.
const log = { apex: [], notifyRecordUpdateAvailable: [], toasts: [], closeAction: 0 };
let current = { name: '(none)', apex: {} };

/** Marker for an Apex answer that never arrives (a loading state). */
export const NEVER = Object.freeze({ never: true });

export function setState(state) {
    current = state;
}

export function platformLog() {
    return log;
}

function copy(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * The canned answer of an Apex method in the current state: a value, a function of the params, an error
 * (`{ apexError }`) or NEVER. A method the state gives no answer for is a console error (so preview:check fails).
 */
export function apexAnswer(method, params, how) {
    log.apex.push({ method, params: copy(params), how });
    const answers = current.apex ?? {};
    if (!(method in answers)) {
        console.error(`preview state "${current.name}": no canned answer for Apex method ${method}`);
        return Promise.reject({ body: { message: `No canned answer for ${method}` }, status: 500 });
    }
    let answer = answers[method];
    if (typeof answer === 'function') {
        try {
            answer = answer(copy(params));
        } catch (error) {
            return Promise.reject(error);
        }
    }
    return Promise.resolve(answer).then((value) => {
        if (value === NEVER) return new Promise(() => undefined);
        if (value && typeof value === 'object' && 'apexError' in value) throw copy(value.apexError);
        // Like Apex: the component gets its own copy of the DTO, frozen answers are never shared.
        return copy(value);
    });
}

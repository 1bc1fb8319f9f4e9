/**
 * Schedules the renewal opportunities job (`RenewalScheduler`, force-app/main/default/classes/renewals/) in an org by
 * running the admin one-liner of the README as anonymous Apex through the session's connection.
 *
 * The call is jsforce 3.10's `conn.tooling.executeAnonymous(body)`: GET
 * /services/data/vNN.N/tooling/executeAnonymous?anonymousBody=… (node_modules/@jsforce/jsforce-node/lib/api/tooling.js).
 * Salesforce answers HTTP 200 with an ExecuteAnonymousResult also when the body does not compile or throws, so
 * `compiled` and `success` are checked here; HTTP errors (401, network, 5xx after retries) go through
 * {@link explainOrgError}.
 *
 * Re-running is safe: `RenewalScheduler.scheduleDaily()` returns the existing CronTrigger when a job with its name is
 * already scheduled (RenewalScheduler_Tests.scheduleDailyIsIdempotentAndCanBeRemoved). That is also why a retry of
 * this GET after a lost connection (the transport retries GETs) cannot schedule the job twice.
 */
import { UserError } from '../lib/errors.ts';
import { explainOrgError, type OrgSession } from '../lib/org.ts';

export const SCHEDULE_RENEWALS_APEX = 'RenewalScheduler.scheduleDaily();';

/** The part of Salesforce's ExecuteAnonymousResult the script reads. */
interface ExecuteAnonymousAnswer {
    line?: number;
    column?: number;
    compiled?: boolean;
    success?: boolean;
    compileProblem?: string | null;
    exceptionMessage?: string | null;
    exceptionStackTrace?: string | null;
}

export interface RenewalScheduleOutcome {
    /** The anonymous Apex that was run. */
    apex: string;
    scheduled: boolean;
    /** One line, when not scheduled. */
    error?: string;
}

/** One line from a failed ExecuteAnonymousResult. */
export function describeAnonymousFailure(apex: string, r: ExecuteAnonymousAnswer): string {
    const at = r.line !== undefined && r.line > 0 ? ` (line ${r.line}, column ${r.column ?? -1})` : '';
    const oneLine = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
    if (r.compiled === false) {
        return `${apex} did not compile${at}: ${oneLine(r.compileProblem) || 'no compile problem given'}`;
    }
    const trace = oneLine((r.exceptionStackTrace ?? '').split('\n')[0]);
    return `${apex} threw${at}: ${oneLine(r.exceptionMessage) || 'no exception message given'}${trace ? ` [${trace}]` : ''}`;
}

/**
 * Runs {@link SCHEDULE_RENEWALS_APEX}. A compile problem or an exception is returned as `error` (the caller goes on
 * and exits 1); an org error the user must act on (expired session, unreachable org) is a {@link UserError}.
 */
export async function scheduleRenewalJob(session: OrgSession): Promise<RenewalScheduleOutcome> {
    const apex = SCHEDULE_RENEWALS_APEX;
    let answer: ExecuteAnonymousAnswer;
    try {
        answer = (await session.conn.tooling.executeAnonymous(apex)) as ExecuteAnonymousAnswer;
    } catch (error) {
        explainOrgError(error, session, 'scheduling the renewal job');
    }
    if (answer?.compiled === true && answer.success === true) {
        return { apex, scheduled: true };
    }
    if (!answer || typeof answer !== 'object' || answer.compiled === undefined) {
        throw new UserError(`Scheduling the renewal job failed: the org's answer is not an ExecuteAnonymousResult.`);
    }
    return { apex, scheduled: false, error: describeAnonymousFailure(apex, answer) };
}

/**
 * Renders one step component of the "Create in Zuora" wizard on its own, with the public properties a test gives
 * it, and collects the events it dispatches (the way the wizard's shell listens to them).
 */
import { createElement } from 'lwc';
import { flushPromises } from './index';

/** A step component's element with its public properties and methods. */
export type StepElement = HTMLElement & Record<string, unknown>;

/** The events of these names the element dispatched, in order, with their `detail`. */
export type EventLog = Array<{ type: string; detail: unknown }>;

export async function renderStep(
    tag: string,
    is: Parameters<typeof createElement>[1]['is'],
    props: Record<string, unknown>,
    events: string[] = []
): Promise<{ element: StepElement; log: EventLog }> {
    const element = createElement(tag, { is }) as unknown as StepElement;
    Object.assign(element, props);
    const log: EventLog = [];
    for (const type of events) {
        element.addEventListener(type, (event) => log.push({ type, detail: (event as CustomEvent).detail }));
    }
    document.body.appendChild(element);
    await flushPromises();
    return { element, log };
}

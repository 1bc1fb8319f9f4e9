/**
 * Helpers shared by the LWC jest tests: typed access to test wire adapters, promise flushing that also works
 * under fake timers, DOM cleanup and a toast listener.
 */

/** The test-only API of an adapter made by createApexTestWireAdapter / createLdsTestWireAdapter. */
export interface TestWireAdapter<T> {
    emit(value: T): void;
    error(body?: unknown, httpStatus?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown> | null;
}

/** Views an imported (mocked) wire adapter through its test API. */
export function asTestWire<T>(adapter: unknown): TestWireAdapter<T> {
    return adapter as TestWireAdapter<T>;
}

/** Views an imported (mocked) imperative Apex method as the jest.fn it is. */
export function asMock<P, R>(method: (params: P) => Promise<R>): jest.Mock<Promise<R>, [P]> {
    return method as unknown as jest.Mock<Promise<R>, [P]>;
}

/** Lets pending promise callbacks and re-renders run; uses only microtasks, so it works with fake timers. */
export async function flushPromises(rounds = 10): Promise<void> {
    for (let i = 0; i < rounds; i++) {
        // eslint-disable-next-line no-await-in-loop -- each round must finish before the next one is queued
        await Promise.resolve();
    }
}

/** Removes every element the test appended to the document. */
export function cleanDom(): void {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}

/** The toast options of every ShowToastEvent an element dispatched after the listener was added. */
export function listenForToasts(element: HTMLElement): Array<{ title: string; message?: string; variant?: string }> {
    const toasts: Array<{ title: string; message?: string; variant?: string }> = [];
    element.addEventListener('lightning__showtoast', (event) => {
        toasts.push((event as CustomEvent<{ title: string; message?: string; variant?: string }>).detail);
    });
    return toasts;
}

/** Queries inside a component's shadow root by `data-id`. */
export function byDataId<T extends Element = HTMLElement>(element: HTMLElement, id: string): T | null {
    return element.shadowRoot!.querySelector<T>(`[data-id="${id}"]`);
}

/**
 * The first element matching `selector` in a component's shadow tree or in the shadow trees of the components it
 * renders (a parent's test reads what its child components show, as the user sees one page).
 */
export function deepQuery<T extends Element = HTMLElement>(element: Element, selector: string): T | null {
    return deepQueryAll<T>(element, selector)[0] ?? null;
}

/** Every element matching `selector` in a component's shadow tree and those of the components inside it. */
export function deepQueryAll<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
    const root = element.shadowRoot;
    if (!root) return [];
    const found: T[] = [];
    for (const node of Array.from(root.querySelectorAll('*'))) {
        if (node.matches(selector)) found.push(node as T);
        if (node.shadowRoot && node.tagName.startsWith('C-')) found.push(...deepQueryAll<T>(node, selector));
    }
    return found;
}

/** The focused element, followed into the shadow trees of the components that hold it. */
export function deepActiveElement(element: Element): Element | null {
    let active = element.shadowRoot?.activeElement ?? null;
    while (active?.shadowRoot?.activeElement && active.tagName.startsWith('C-'))
        active = active.shadowRoot.activeElement;
    return active;
}

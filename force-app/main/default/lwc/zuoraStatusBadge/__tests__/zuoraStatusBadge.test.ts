import { createElement } from 'lwc';
import ZuoraStatusBadge from 'c/zuoraStatusBadge';

function render(status?: string): HTMLElement & { status?: string } {
    const element = createElement('c-zuora-status-badge', { is: ZuoraStatusBadge }) as HTMLElement & {
        status?: string;
    };
    element.status = status;
    document.body.appendChild(element);
    return element;
}

describe('c-zuora-status-badge', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('shows Not Linked when there is no status', () => {
        const badge = render(undefined).shadowRoot!.querySelector('span')!;
        expect(badge.textContent).toBe('Not Linked');
        expect(badge.className).toBe('slds-badge');
    });

    it.each([
        ['Linked', 'slds-theme_success'],
        ['Pending', 'slds-theme_info'],
        ['Deferred', 'slds-theme_warning'],
        ['Failed', 'slds-theme_error']
    ])('themes %s as %s', (status, theme) => {
        const badge = render(status).shadowRoot!.querySelector('span')!;
        expect(badge.textContent).toBe(status);
        expect(badge.classList).toContain(theme);
    });

    it('is accessible', async () => {
        const element = render('Linked');
        await expect(element).toBeAccessible();
    });
});

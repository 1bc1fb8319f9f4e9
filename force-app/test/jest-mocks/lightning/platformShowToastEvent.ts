export const ShowToastEventName = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<unknown> {
    constructor(toast: unknown) {
        super(ShowToastEventName, { composed: true, cancelable: true, bubbles: true, detail: toast });
    }
}

// Stand-in for lightning/platformShowToastEvent: the same event the platform listens for (the preview harness
// shows it as a toast instead of the Lightning Experience one).
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', { composed: true, cancelable: true, bubbles: true, detail: toast });
    }
}

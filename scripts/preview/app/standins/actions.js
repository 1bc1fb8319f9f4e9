// Stand-in for lightning/actions: the event a screen quick action closes with (the harness shows "closed").
export class CloseActionScreenEvent extends CustomEvent {
    constructor() {
        super('lightning__actionsclosescreen', { composed: true, bubbles: true });
    }
}

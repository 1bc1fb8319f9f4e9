export const CloseActionScreenEventName = 'lightning__actionsclosescreen';

export class CloseActionScreenEvent extends CustomEvent<unknown> {
    constructor() {
        super(CloseActionScreenEventName, { composed: true, bubbles: true });
    }
}

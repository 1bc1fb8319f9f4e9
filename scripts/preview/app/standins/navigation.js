// Stand-in for lightning/navigation: navigation is logged, URLs are Lightning Experience record URLs.
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const NavigationMixin = Object.assign(
    (Base) =>
        class extends Base {
            [Navigate](pageReference) {
                console.info('navigate', JSON.stringify(pageReference));
            }
            [GenerateUrl](pageReference) {
                const attrs = pageReference?.attributes ?? {};
                return Promise.resolve(`/lightning/r/${attrs.objectApiName}/${attrs.recordId}/view`);
            }
        },
    { Navigate, GenerateUrl }
);

export class CurrentPageReference {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {
        this.dataCallback({ type: 'standard__recordPage', attributes: {}, state: {} });
    }
    update() {}
    disconnect() {}
}

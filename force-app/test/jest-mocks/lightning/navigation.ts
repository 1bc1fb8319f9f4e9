type Ctor = new (...args: any[]) => HTMLElement;

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const navigateMock = jest.fn();

export const NavigationMixin = Object.assign(
    <T extends Ctor>(Base: T) =>
        class extends Base {
            [Navigate](pageReference: unknown, replace?: boolean) {
                navigateMock(pageReference, replace);
            }
            [GenerateUrl]() {
                return Promise.resolve('/generated');
            }
        },
    { Navigate, GenerateUrl }
);

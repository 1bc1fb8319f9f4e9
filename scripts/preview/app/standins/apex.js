// Stand-in for `@salesforce/apex/<Class>.<method>` and `@salesforce/apex` (refreshApex). An org answers these;
// here the answer comes from the current preview state (scripts/preview/app/states.ts, canned data from
// force-app/test/fixtures). Like the platform: an imported Apex method is callable (a promise of the DTO, or a
// rejection with `{ body: { message } }`) and is a wire adapter (`{ data, error }` provisioned asynchronously);
// a wire does not call Apex while a reactive parameter is still undefined.
import { apexAnswer } from './runtime';

/** Results provisioned by wires → the adapter that provisioned them, for refreshApex. */
const adapters = new WeakMap();

class ApexWireAdapter {
    constructor(method, dataCallback) {
        this.method = method;
        this.dataCallback = dataCallback;
        this.config = undefined;
        this.connected = false;
    }
    connect() {
        this.connected = true;
        if (this.config) this.fetch();
    }
    update(config) {
        this.config = config;
        if (this.connected) this.fetch();
    }
    disconnect() {
        this.connected = false;
    }
    fetch() {
        const config = this.config ?? {};
        if (Object.values(config).some((v) => v === undefined)) return Promise.resolve();
        return apexAnswer(this.method, config, 'wire').then(
            (data) => this.emit({ data, error: undefined }),
            (error) => this.emit({ data: undefined, error })
        );
    }
    emit(result) {
        if (!this.connected) return;
        adapters.set(result, this);
        this.dataCallback(result);
    }
}

export function apexStandIn(method) {
    function apexMethod(paramsOrCallback) {
        // `@wire` instantiates the adapter with `new`; a component calls the method imperatively.
        if (new.target) return new ApexWireAdapter(method, paramsOrCallback);
        return apexAnswer(method, paramsOrCallback ?? {}, 'call');
    }
    Object.defineProperty(apexMethod, 'name', { value: method });
    return apexMethod;
}

export function refreshApex(result) {
    const adapter = adapters.get(result);
    return adapter ? adapter.fetch() : Promise.resolve();
}

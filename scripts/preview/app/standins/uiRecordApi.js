// Stand-in for lightning/uiRecordApi. getRecord provisions the Account fields of the state (`record`), or nothing;
// notifyRecordUpdateAvailable is logged (the preview counts calls per action) and resolves.
import { platformLog } from './runtime';

let record;

export function setRecord(value) {
    record = value;
}

export class getRecord {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
        this.connected = false;
    }
    connect() {
        this.connected = true;
        this.provision();
    }
    update(config) {
        this.config = config;
        this.provision();
    }
    disconnect() {
        this.connected = false;
    }
    provision() {
        if (!this.connected || !this.config?.recordId || !record) return;
        const data = JSON.parse(JSON.stringify(record));
        Promise.resolve().then(() => this.connected && this.dataCallback({ data, error: undefined }));
    }
}

export function notifyRecordUpdateAvailable(recordIds) {
    platformLog().notifyRecordUpdateAvailable.push(recordIds);
    return Promise.resolve();
}

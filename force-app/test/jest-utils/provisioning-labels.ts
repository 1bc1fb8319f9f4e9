/**
 * The deployed wording (CustomLabels) of the labels whose words the wizard's layout and defect suites assert. Import
 * this module FIRST, before ./provisioning and the component: its jest.mock calls must run before the component's
 * label imports are resolved (jest's default label module is the label's name).
 */
jest.mock(
    '@salesforce/label/c.Zuora_Step_Progress',
    () => require('./custom-labels').labelModule('Zuora_Step_Progress'),
    { virtual: true }
);
jest.mock('@salesforce/label/c.Zuora_Step_Plan', () => require('./custom-labels').labelModule('Zuora_Step_Plan'), {
    virtual: true
});
jest.mock('@salesforce/label/c.Zuora_Next_Retry', () => require('./custom-labels').labelModule('Zuora_Next_Retry'), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.Zuora_Review_Term_Termed',
    () => require('./custom-labels').labelModule('Zuora_Review_Term_Termed'),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Zuora_Validation_Plan',
    () => require('./custom-labels').labelModule('Zuora_Validation_Plan'),
    { virtual: true }
);

export const REAL_LABELS = [
    'Zuora_Step_Progress',
    'Zuora_Step_Plan',
    'Zuora_Next_Retry',
    'Zuora_Review_Term_Termed',
    'Zuora_Validation_Plan'
];

import { errorMessage, GENERIC_ERROR, reduceErrors } from 'c/zuoraErrors';

describe('c/zuoraErrors', () => {
    it('reads an AuraHandledException message', () => {
        expect(errorMessage({ body: { message: 'Zuora rejected the order.' } })).toBe('Zuora rejected the order.');
    });

    it('collects page, field and UI API errors without duplicates', () => {
        const messages = reduceErrors([
            { body: { pageErrors: [{ message: 'Locked' }], fieldErrors: { Name: [{ message: 'Required' }] } } },
            { body: [{ message: 'Locked' }] },
            { body: { output: { errors: [{ message: 'Bad value' }] } } }
        ]);
        expect(messages).toEqual(['Locked', 'Required', 'Bad value']);
    });

    it('falls back to the JS error message, status text or plain strings', () => {
        expect(reduceErrors([new Error('Network down'), { statusText: 'Server Error' }, 'plain', null])).toEqual([
            'Network down',
            'Server Error',
            'plain'
        ]);
    });

    it('gives a generic hint when nothing readable came back', () => {
        expect(errorMessage({ body: {} })).toBe(GENERIC_ERROR);
        expect(errorMessage(undefined)).toBe(GENERIC_ERROR);
    });
});

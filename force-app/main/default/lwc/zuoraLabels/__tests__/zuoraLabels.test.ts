import { LABELS, formatLabel } from 'c/zuoraLabels';

describe('c/zuoraLabels', () => {
    it('fills numbered placeholders in any order, as often as they appear', () => {
        expect(formatLabel('{1} of {0} accounts; at most {0}', 8, 3)).toBe('3 of 8 accounts; at most 8');
    });

    it('leaves missing values empty and text without placeholders unchanged', () => {
        expect(formatLabel('Account {0} / {1}', 'A001', null)).toBe('Account A001 / ');
        expect(formatLabel('Account {0}', undefined)).toBe('Account ');
        expect(formatLabel('No placeholders')).toBe('No placeholders');
    });

    it('exposes every label as a string', () => {
        const values = Object.values(LABELS);
        expect(values.length).toBeGreaterThan(50);
        expect(values.every((value) => typeof value === 'string' && value.length > 0)).toBe(true);
    });
});

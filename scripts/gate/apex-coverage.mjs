// Reads the result JSON written by `sf apex run test --output-dir D --code-coverage` and fails under a minimum
// org-wide coverage. Usage: node scripts/gate/apex-coverage.mjs <output-dir> <minimum-percent>
import fs from 'node:fs';
import path from 'node:path';

const [dir, minimumArg] = process.argv.slice(2);
const minimum = Number(minimumArg);
if (!dir || !Number.isFinite(minimum)) {
    console.error('usage: node scripts/gate/apex-coverage.mjs <output-dir> <minimum-percent>');
    process.exit(2);
}
const resultFile = fs
    .readdirSync(dir)
    .find(
        (f) =>
            f !== 'test-result-codecoverage.json' && (/^test-result-[^-]+\.json$/.test(f) || f === 'test-result.json')
    );
if (!resultFile) {
    console.error(`apex coverage: no test-result JSON in ${dir}`);
    process.exit(1);
}
const result = JSON.parse(fs.readFileSync(path.join(dir, resultFile), 'utf8'));
const summary = result.summary ?? {};
const raw = summary.orgWideCoverage ?? summary.testRunCoverage ?? '0%';
const percent = Number(String(raw).replace('%', ''));
console.log(`apex coverage: ${percent}% (minimum ${minimum}%), outcome ${summary.outcome ?? 'unknown'}`);
if (summary.outcome && summary.outcome !== 'Passed') {
    console.error('apex coverage: the test run did not pass');
    process.exit(1);
}
process.exit(percent >= minimum ? 0 : 1);

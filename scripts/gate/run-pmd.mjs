// PMD Apex rules through Salesforce Code Analyzer's own engine packages (the sf plugin is not installable offline).
// Usage: node scripts/gate/run-pmd.mjs <dir> [<dir> ...]
// Fails (exit 1) on any Critical/High finding and on any finding of a Security-tagged rule; prints the rest.
import { CodeAnalyzer, CodeAnalyzerConfig, SeverityLevel } from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import fs from 'node:fs';
import path from 'node:path';

const dirs = process.argv.slice(2).filter((d) => fs.existsSync(d));
if (dirs.length === 0) {
    console.error('run-pmd: give at least one existing folder');
    process.exit(2);
}
const config = CodeAnalyzerConfig.fromObject({
    // The Code Analyzer writes its own log files; keep them out of the working tree.
    log_folder: fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'pmd-log-'))
});
const analyzer = new CodeAnalyzer(config);
await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
const workspace = await analyzer.createWorkspace(dirs.map((d) => path.resolve(d)));
const selection = await analyzer.selectRules(['pmd:Recommended:Apex', 'pmd:Security:Apex'], { workspace });
const results = await analyzer.run(selection, { workspace });

const names = ['', 'Critical', 'High', 'Moderate', 'Low', 'Info'];
let blocking = 0;
const lines = [];
for (const v of results.getViolations()) {
    const rule = v.getRule();
    const loc = v.getPrimaryLocation();
    const file = path.relative(process.cwd(), loc.getFile() ?? '?');
    const sev = rule.getSeverityLevel();
    const security = rule.getTags().includes('Security');
    const blocks = sev <= SeverityLevel.High || security;
    if (blocks) blocking++;
    lines.push(
        `${blocks ? 'ERROR' : 'note '} ${file}:${loc.getStartLine()}  ${names[sev]}  ${rule.getEngineName()}:${rule.getName()}  ${v.getMessage().trim()}`
    );
}
lines.sort((a, b) => (a < b ? -1 : 1));
for (const l of lines) console.log(l);
console.log(`pmd: ${selection.getCount()} rules, ${results.getViolationCount()} finding(s), ${blocking} blocking`);
process.exit(blocking > 0 ? 1 : 0);

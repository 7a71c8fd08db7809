// node tests/security/wapiti-findings.mjs REPORT.json: prints one line per
// vulnerability and per anomaly (a 500, a time-out) of a wapiti JSON
// report, "category<TAB>method path<TAB>parameter<TAB>info", and nothing
// else; the count of lines is the number of findings.
import { readFileSync } from 'node:fs';

const r = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const group of ['vulnerabilities', 'anomalies']) {
	for (const [category, list] of Object.entries(r[group] || {})) {
		for (const f of list || []) {
			const where = `${f.method || ''} ${f.path || ''}`.trim();
			const info = String(f.info || '').replace(/\s+/g, ' ').slice(0, 200);
			console.log(`${group}/${category}\t${where}\t${f.parameter || ''}\t${info}`);
		}
	}
}

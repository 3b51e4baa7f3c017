// After `vite build`: writes a .gz twin of every asset (the gateway serves it to browsers that
// accept gzip) and checks the first screen's size against the budget: index.html plus every
// script and style it loads, gzip-compressed. Fails the build when the budget is exceeded.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const BUDGET_KIB = 250;
const out = 'target/classes/web-client';
const gzip = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });

let total = 0;
const rows = [];
for (const name of readdirSync(join(out, 'assets'))) {
	const file = join(out, 'assets', name);
	if (name.endsWith('.gz') || !statSync(file).isFile()) continue;
	const compressed = gzip(readFileSync(file));
	writeFileSync(file + '.gz', compressed);
	rows.push([`assets/${name}`, compressed.length]);
}
const index = readFileSync(join(out, 'index.html'), 'utf8');
const firstScreen = ['index.html', ...[...index.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1])];
for (const name of firstScreen) {
	total += gzip(readFileSync(join(out, name))).length;
}
for (const [name, size] of rows) console.log(`  ${name}: ${(size / 1024).toFixed(1)} KiB gzip`);
console.log(`First screen (${firstScreen.join(', ')}): ${(total / 1024).toFixed(1)} KiB gzip, budget ${BUDGET_KIB} KiB`);
if (total > BUDGET_KIB * 1024) {
	console.error(`Over the budget of ${BUDGET_KIB} KiB`);
	process.exit(1);
}

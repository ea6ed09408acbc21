/**
 * `npm run bench`: runs every benchmark in scripts/bench/ in turn and prints their figures.
 * Benchmarks measure speed and size; tests never do (these machines are shared and noisy).
 * The browser benchmarks use the build in .output/chrome-mv3 (the npm script builds it first).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('./bench/', import.meta.url).pathname;
const only = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file.replace(/\.ts$/, '')} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${file}`], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(`(${file} failed with exit code ${run.status})`);
  }
}
console.log(`\nMachine: ${process.arch}, Node ${process.version}; shared machine, figures are indicative.`);
process.exit(failed ? 1 : 0);

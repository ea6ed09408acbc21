/**
 * What the browser benchmarks (scripts/bench/storage.ts, scripts/bench/ui.ts) share: the built
 * extension in Chromium beside the fixture server, the word lists their generated lists draw
 * from, and how a timing is reported.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath, launchWithExtension, type ExtensionBrowser } from './browser';
import { startFixtureServer } from './fixture-server';

/** Themes of a generated list; each benchmark adds one of its own (a theme its queries look for). */
export const BENCH_THEMES = [
  'Sturen in netwerken',
  'Leren en experimenteren',
  'Digitale overheid',
  'Democratie',
  'Zorg',
  'Wonen',
  'Klimaat en energie',
  'Arbeidsmarkt',
  'Veiligheid',
  'Europa',
  'Onderwijs',
  'Migratie',
  'Public governance',
  'Technology policy',
];

export const BENCH_PUBLISHERS = [
  'NSOB',
  'WRR',
  'Rathenau Instituut',
  'SCP',
  'CPB',
  'PBL',
  'Clingendael',
  'Brookings',
  'RAND',
  'OECD',
];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One line: the label, the median and the 90th percentile, and the verdict when a target is given. */
export function printTiming(label: string, samples: number[], target?: number, width = 54): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const p90 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))];
  const m = median(samples);
  const verdict =
    target === undefined
      ? ''
      : m <= target
        ? `  (target ≤ ${target} ms: met)`
        : `  (target ≤ ${target} ms: MISSED)`;
  console.log(
    `${label.padEnd(width)} median ${m.toFixed(1).padStart(7)} ms   p90 ${p90.toFixed(1).padStart(7)} ms   (n=${samples.length})${verdict}`,
  );
}

/**
 * Runs `bench` with the extension built at `extensionDir` loaded in Chromium (and the fixture
 * server running), closing both after. No build there: says so and sets a failing exit code.
 */
export async function withBenchBrowser(
  extensionDir: string,
  bench: (browser: ExtensionBrowser, chromiumVersion: string) => Promise<void>,
): Promise<void> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    console.log(`Chromium: not measured, no built extension at ${extensionDir} (run "npm run build" first).`);
    process.exitCode = 1;
    return;
  }
  const server = await startFixtureServer();
  const browser = await launchWithExtension({ port: server.port, extensionDir });
  try {
    const chromiumVersion = execFileSync(chromiumPath(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    await bench(browser, chromiumVersion);
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Where the extension's time goes in Chromium: a V8 CPU profile (Chrome DevTools Protocol) of each
 * publisher fixture page while the extension reads it as a reader's visit does (content script,
 * full-check.js, extractor.js), summed over the pages. Node's figures (linkedom) do not show this:
 * there every query walks the tree, here the DOM answers natively and costs lie elsewhere (wrapper
 * objects, compiling the scripts, text copies).
 *
 * Prints, for our three scripts: the time in each (samples under a frame of that script), the
 * script's top-level run (its module code: tables, regular expressions), and the functions by self
 * time (DOM calls show as native frames such as `querySelectorAll` under the caller) and by total
 * time; with --lines=NAME|NAME, the samples of those functions by source line. Build readable
 * names first:
 *
 *   LEESMAP_NO_MINIFY=1 npx wxt build && cp -r .output/chrome-mv3 /tmp/plain
 *   npx tsx scripts/profile-browser.ts --extension-dir=/tmp/plain [--filter=REGEX] [--runs=2] [--top=40]
 *
 * A minified build (the default one) profiles the same, under its short names.
 */
import type { CDPSession, Page } from 'playwright-core';
import { loadavg } from 'node:os';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './lib/browser';
import { startFixtureServer, type FixturePage } from './lib/fixture-server';

/** The extension APIs inside the service worker (code passed to `evaluate` runs there). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
  /** Samples by source line (1-based) where this node's own code ran. */
  positionTicks?: Array<{ line: number; ticks: number }>;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const OUR_SCRIPTS = ['content-script.js', 'full-check.js', 'extractor.js'];

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function scriptOf(frame: CallFrame): string | undefined {
  return OUR_SCRIPTS.find((script) => frame.url.endsWith(`/${script}`));
}

function frameKey(frame: CallFrame): string {
  const script = scriptOf(frame);
  const name = frame.functionName || '(top level)';
  if (script) return `${name}  ${script}:${frame.lineNumber + 1}`;
  return frame.url ? `${name}  (page script)` : name;
}

/** Sums a profile into the tallies: per script, self and total per function, our time only. */
class Tally {
  scriptMs = new Map<string, number>();
  selfMs = new Map<string, number>();
  totalMs = new Map<string, number>();
  /** Samples per line of the functions named by --lines. */
  lineTicks = new Map<string, number>();

  constructor(private readonly lines?: RegExp) {}

  add(profile: Profile): void {
    if (this.lines)
      for (const node of profile.nodes) {
        if (!scriptOf(node.callFrame) || !this.lines.test(node.callFrame.functionName)) continue;
        for (const { line, ticks } of node.positionTicks ?? [])
          bump(this.lineTicks, `${frameKey(node.callFrame)} line ${line}`, ticks);
      }
    const parent = new Map<number, number>();
    const byId = new Map<number, ProfileNode>();
    for (const node of profile.nodes) {
      byId.set(node.id, node);
      for (const child of node.children ?? []) parent.set(child, node.id);
    }
    for (let i = 0; i < profile.samples.length; i++) {
      // A sample's delta is the time since the previous one: charge it to this sample's stack.
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const stack: CallFrame[] = [];
      for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id))
        stack.push(byId.get(id)!.callFrame);
      const ours = stack.map(scriptOf);
      const outer = ours.findLast((script) => script !== undefined);
      if (!outer) continue;
      bump(this.scriptMs, outer, ms);
      // Native frames (DOM calls, regular expressions, GC) are charged to themselves, under ours.
      bump(this.selfMs, frameKey(stack[0]), ms);
      for (const key of new Set(stack.filter((_, at) => at <= ours.lastIndexOf(outer)).map(frameKey)))
        bump(this.totalMs, key, ms);
    }
  }
}

function bump(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function print(title: string, map: Map<string, number>, top: number, pages: number): void {
  console.log(`\n${title} (ms summed over the page loads; per page: divide by ${pages})`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${ms.toFixed(1).padStart(9)}  ${key}`);
}

/** Waits until the background has finished with the tab (as scripts/bench/detect.ts does). */
async function settled(browser: ExtensionBrowser, tab: Page): Promise<Record<string, unknown> | undefined> {
  const tabId = await browser.tabId(tab);
  const worker = await browser.serviceWorker();
  for (let attempt = 0; attempt < 100; attempt++) {
    const state = await worker.evaluate(async (id: number) => {
      const key = `tab:${id}`;
      return (await chrome.storage.session.get(key))[key];
    }, tabId);
    const done =
      state?.firstCheck &&
      (state.firstCheck.ruledOut ||
        (state.extraction && (!state.extraction.detected || state.timings?.recordRoundTripMs)));
    if (done) return state.timings ?? {};
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

async function profilePage(
  browser: ExtensionBrowser,
  page: FixturePage,
  interval: number,
): Promise<{ profile: Profile; timings?: Record<string, unknown> }> {
  const tab = await browser.context.newPage();
  const cdp: CDPSession = await browser.context.newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval });
  await cdp.send('Profiler.start');
  await tab.goto(page.url, { waitUntil: 'load', timeout: 15_000 });
  const timings = await settled(browser, tab);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  await tab.close();
  return { profile, timings };
}

const extensionDir = option('extension-dir') ?? EXTENSION_DIR;
const filter = new RegExp(option('filter') ?? '.');
const runs = Number(option('runs') ?? 1);
const top = Number(option('top') ?? 40);
const interval = Number(option('interval') ?? 50);
const lines = option('lines');

const server = await startFixtureServer();
const tally = new Tally(lines ? new RegExp(`^(?:${lines})$`) : undefined);
const times = new Map<string, number[]>();
let loads = 0;
try {
  for (let run = 0; run < runs; run++) {
    const browser = await launchWithExtension({ port: server.port, extensionDir });
    try {
      for (const page of server.pages.filter((p) => p.expected.detected && filter.test(p.slug))) {
        const { profile, timings } = await profilePage(browser, page, interval).catch(() => ({
          profile: undefined,
          timings: undefined,
        }));
        if (!profile || !timings) continue;
        loads++;
        tally.add(profile);
        for (const [name, ms] of Object.entries(timings))
          if (typeof ms === 'number') times.set(name, [...(times.get(name) ?? []), ms]);
      }
    } finally {
      await browser.close().catch(() => undefined);
    }
  }
} finally {
  await server.close();
}
console.log(
  `${loads} page loads (publisher fixtures the extension read), sampled every ${interval} µs; load average ${loadavg()[0].toFixed(2)}`,
);
for (const [name, values] of times) {
  const sum = values.reduce((a, b) => a + b, 0);
  console.log(`extension's own ${name}: summed ${sum.toFixed(1)} ms over ${values.length}`);
}
print('Time under each of our scripts', tally.scriptMs, top, loads);
print('Self time, by function (native frames under ours included)', tally.selfMs, top, loads);
print('Total time, by function of ours', tally.totalMs, top, loads);
if (lines) print(`Samples by line in ${lines} (counts, not ms)`, tally.lineTicks, top, loads);

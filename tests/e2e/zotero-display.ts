/**
 * A visible Chromium on its own Xvfb display, for the Zotero tests: the browser's permission prompt
 * is a native dialog Playwright cannot reach, answered with real key presses (xdotool). A missing
 * Xvfb or xdotool is a failure, never a skip.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';

export async function startDisplay(): Promise<{ name: string; xvfb: ChildProcess }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const name = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
    xvfb.once('error', () =>
      reject(new Error('The Zotero tests need Xvfb and xdotool: apt-get install -y xvfb xdotool')),
    );
    xvfb.stdio[3]!.once('data', (chunk) => {
      clearTimeout(timer);
      resolve(`:${String(chunk).trim()}`);
    });
  });
  return { name, xvfb };
}

/** The permission prompt has focus: Tab moves to "Allow", Return presses it. */
export function allowPermissionPrompt(display: string): void {
  execFileSync('xdotool', ['key', 'Tab', 'Return'], { env: { ...process.env, DISPLAY: display } });
}

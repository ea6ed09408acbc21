/**
 * A tiny HTTP server for the sample pages. Chromium is started with every host name mapped to it
 * (see browser.ts), so a fixture is served at the publisher address its expected.json names
 * (e.g. http://www.nsob.nl/publicaties/...), where the shipped extension's content script runs.
 * Every request that reaches it is logged: with all hosts mapped here, that log is everything the
 * browser tried to fetch from the network.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface FixturePage {
  slug: string;
  /** Address the page is served at (http, the fixture's own host and path). */
  url: string;
  /** The fixture's expected.json. */
  expected: { url: string; detected: boolean; publication?: Record<string, unknown> };
}

export interface FixtureServer {
  port: number;
  pages: FixturePage[];
  requests: Array<{ host: string; path: string }>;
  /** Serves extra HTML at an address (benchmarks add corpus pages this way). */
  addPage(url: string, html: string): string;
  close(): Promise<void>;
}

export const FIXTURES_DIR = new URL('../../tests/fixtures/', import.meta.url).pathname;

/** Reads every `tests/fixtures/<slug>/` with a source.html and an expected.json. */
export function loadFixtures(dir = FIXTURES_DIR): FixturePage[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'source.html')) && existsSync(join(dir, d.name, 'expected.json')))
    .map((d) => {
      const expected = JSON.parse(readFileSync(join(dir, d.name, 'expected.json'), 'utf8')) as FixturePage['expected'];
      const address = new URL(expected.url);
      address.protocol = 'http:';
      address.hash = '';
      return { slug: d.name, url: address.href, expected };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

function routeKey(url: string): string {
  const u = new URL(url);
  return `${u.hostname.toLowerCase()}${u.pathname}${u.search}`;
}

export async function startFixtureServer(dir = FIXTURES_DIR): Promise<FixtureServer> {
  const pages = loadFixtures(dir);
  const routes = new Map<string, () => string>();
  for (const page of pages) {
    routes.set(routeKey(page.url), () => readFileSync(join(dir, page.slug, 'source.html'), 'utf8'));
  }
  const requests: FixtureServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = req.url ?? '/';
    requests.push({ host, path });
    const page = routes.get(`${host}${path}`);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    pages,
    requests,
    addPage(url, html) {
      const address = new URL(url);
      address.protocol = 'http:';
      routes.set(routeKey(address.href), () => html);
      return address.href;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A tiny web server for the sample pages. Chromium is started with every host name mapped to it
 * (see browser.ts), so a fixture is served at the publisher address its expected.json names
 * (e.g. https://www.nsob.nl/publicaties/...), where the shipped extension's content script runs.
 * It speaks plain HTTP and TLS on one port (a throwaway self-signed certificate; Chromium ignores
 * certificate errors in these runs), because some publisher domains are HTTPS-only in Chromium.
 * Every request that reaches it is logged: with all hosts mapped here, that log is everything the
 * browser tried to fetch from the network.
 */
import { execFileSync } from 'node:child_process';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FixturePage {
  slug: string;
  /** Address the page is served at: the fixture's own (a `?fixture=` is added when two share one). */
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
    .filter(
      (d) =>
        d.isDirectory() &&
        existsSync(join(dir, d.name, 'source.html')) &&
        existsSync(join(dir, d.name, 'expected.json')),
    )
    .map((d) => {
      const expected = JSON.parse(
        readFileSync(join(dir, d.name, 'expected.json'), 'utf8'),
      ) as FixturePage['expected'];
      const address = new URL(expected.url);
      address.hash = '';
      return { slug: d.name, url: address.href, expected };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map((page, index, pages) => {
      // The same page in several markups shares one address; later ones get a marker to tell them apart.
      if (pages.slice(0, index).some((other) => other.url === page.url)) {
        const address = new URL(page.url);
        address.searchParams.set('fixture', page.slug);
        return { ...page, url: address.href };
      }
      return page;
    });
}

/** A self-signed certificate for any host, made fresh for each run (nothing secret is kept). */
function throwawayCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'leesmap-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=leesmap-fixtures',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function routeKey(url: string, withQuery = true): string {
  const u = new URL(url);
  return `${u.hostname.toLowerCase()}${u.pathname}${withQuery ? u.search : ''}`;
}

export async function startFixtureServer(dir = FIXTURES_DIR): Promise<FixtureServer> {
  const pages = loadFixtures(dir);
  const routes = new Map<string, () => string>();
  for (const page of pages) {
    routes.set(routeKey(page.url), () => readFileSync(join(dir, page.slug, 'source.html'), 'utf8'));
  }
  const requests: FixtureServer['requests'] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = req.url ?? '/';
    requests.push({ host, path });
    // The exact address first, then the same path with other query parameters (tracking tags).
    const address = `http://${host}${path}`;
    const page = routes.get(routeKey(address)) ?? routes.get(routeKey(address, false));
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
  };
  const http = createHttpServer(handle);
  const https = createHttpsServer(throwawayCertificate(), handle);
  const sockets = new Set<Socket>();
  // One port for both: a TLS connection starts with a handshake record (byte 22).
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 22 ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    pages,
    requests,
    addPage(url, html) {
      routes.set(routeKey(url), () => html);
      return new URL(url).href;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

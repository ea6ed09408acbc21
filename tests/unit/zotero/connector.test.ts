/**
 * The connector client against a fake `fetch`: the requests Zotero's connector API v3 expects, in
 * sessions of at most 50 items, PDFs attached only when asked and only when they are PDFs, and
 * every failure a reader can meet turned into its own code.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fetchPdf,
  isPublicHttpUrl,
  sendToZotero,
  ZoteroError,
  type FetchLike,
} from '@/utils/zotero/connector';
import type { SavedPublication } from '@/utils/record';
import { nsobRecord } from '../export/nsob';
import { schemaProblems } from '../../e2e/zotero-server';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}

const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');

/** A fetch that records every call and answers with `answer(path)`. */
function fakeFetch(answer: (call: Call) => Response | 'refused'): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init = {}) => {
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    calls.push(call);
    const response = answer(call);
    if (response === 'refused') throw new TypeError('Failed to fetch');
    return response;
  };
  return { fetch, calls };
}

const zotero = (call: Call) => {
  if (call.url.endsWith('/connector/ping')) return new Response('Zotero is running');
  if (call.url.includes('/connector/')) return new Response(null, { status: 201 });
  return new Response(PDF);
};

let counter = 0;
const sessionId = () => `s${++counter}`;

function records(n: number): SavedPublication[] {
  return Array.from({ length: n }, (_, i) => ({ ...nsobRecord(), id: `r${i}`, title: `Titel ${i}` }));
}

describe('sending to Zotero desktop', () => {
  it('pings, then saves the items of one session, with the connector headers on every request', async () => {
    const { fetch, calls } = fakeFetch(zotero);
    const result = await sendToZotero([nsobRecord()], { fetch, sessionId });
    expect(result).toEqual({ saved: 1, attached: 0, pdfMissing: 0 });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET http://127.0.0.1:23119/connector/ping',
      'POST http://127.0.0.1:23119/connector/saveItems',
    ]);
    for (const call of calls) {
      expect(call.headers['X-Zotero-Connector-API-Version']).toBe('3');
      expect(call.headers['Zotero-Allowed-Request']).toBe('1');
    }
    const body = calls[1].body as { sessionID: string; uri: string; items: Array<Record<string, unknown>> };
    expect(body.uri).toBe('https://www.nsob.nl/publicaties/leren-van-doen');
    expect(body.items).toHaveLength(1);
    expect(body.items[0].title).toBe('Leren van doen: Ervaringen met samenwerken in het IBP');
    expect(schemaProblems(body.items[0], 'connector')).toEqual([]);
  });

  it('sends 120 records as three sessions of at most 50 items, each with its own session id', async () => {
    const { fetch, calls } = fakeFetch(zotero);
    const result = await sendToZotero(records(120), { fetch, sessionId });
    expect(result.saved).toBe(120);
    const saves = calls
      .filter((c) => c.url.endsWith('/saveItems'))
      .map((c) => c.body as { sessionID: string; items: unknown[] });
    expect(saves.map((s) => s.items.length)).toEqual([50, 50, 20]);
    expect(new Set(saves.map((s) => s.sessionID)).size).toBe(3);
  });

  it('attaches the PDF to its item when asked, in the same session', async () => {
    const { fetch, calls } = fakeFetch(zotero);
    const record = { ...nsobRecord(), pdfUrl: 'https://www.nsob.nl/files/leren-van-doen.pdf' };
    const result = await sendToZotero([record], { fetch, sessionId, pdf: (url) => fetchPdf(fetch, url) });
    expect(result).toEqual({ saved: 1, attached: 1, pdfMissing: 0 });
    const attach = calls.find((c) => c.url.includes('/connector/saveAttachment'))!;
    const save = calls.find((c) => c.url.endsWith('/saveItems'))!.body as {
      sessionID: string;
      items: Array<{ id: string }>;
    };
    const metadata = JSON.parse(attach.headers['X-Metadata']) as Record<string, string>;
    expect(metadata).toEqual({
      sessionID: save.sessionID,
      parentItemID: save.items[0].id,
      title: 'PDF',
      url: 'https://www.nsob.nl/files/leren-van-doen.pdf',
    });
    expect(attach.headers['Content-Type']).toBe('application/pdf');
    expect(attach.body).toEqual(PDF);
  });

  it('does not attach what is not a PDF (a login page at the PDF address), and says so', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.url.includes('/connector/') ? zotero(call) : new Response('<html>Log in</html>'),
    );
    const record = { ...nsobRecord(), pdfUrl: 'https://www.nsob.nl/files/leren-van-doen.pdf' };
    const result = await sendToZotero([record], { fetch, sessionId, pdf: (url) => fetchPdf(fetch, url) });
    expect(result).toEqual({ saved: 1, attached: 0, pdfMissing: 1 });
    expect(calls.some((c) => c.url.includes('saveAttachment'))).toBe(false);
  });

  it('refuses a PDF larger than the limit without keeping it', async () => {
    const { fetch } = fakeFetch(() => new Response(new Uint8Array(2_000).fill(37)));
    await expect(fetchPdf(fetch, 'https://x.org/a.pdf', 1_000)).rejects.toMatchObject({
      code: 'pdf-unavailable',
    });
  });

  it('fetches a PDF only from a public host: never this machine, the local network or another scheme', async () => {
    const refused = [
      'http://127.0.0.1:8080/a.pdf',
      'http://localhost/a.pdf',
      'http://printer.local/a.pdf',
      'http://router/a.pdf',
      'http://192.168.1.1/a.pdf',
      'http://10.0.0.5/a.pdf',
      'http://172.16.3.4/a.pdf',
      'http://169.254.169.254/latest/meta-data',
      'http://100.64.0.1/a.pdf',
      'http://0.0.0.0/a.pdf',
      'http://0x7f000001/a.pdf',
      'http://[::1]/a.pdf',
      'http://[fe80::1]/a.pdf',
      'http://[fd00::1]/a.pdf',
      'http://[::ffff:192.168.0.1]/a.pdf',
      'file:///etc/passwd',
      'ftp://www.nsob.nl/a.pdf',
      'not an address',
    ];
    const { fetch, calls } = fakeFetch(() => new Response(PDF));
    for (const url of refused) {
      expect(isPublicHttpUrl(url), url).toBe(false);
      await expect(fetchPdf(fetch, url), url).rejects.toMatchObject({ code: 'pdf-unavailable' });
    }
    expect(calls).toEqual([]);
    for (const url of [
      'https://www.nsob.nl/files/a.pdf',
      'http://8.8.8.8/a.pdf',
      'https://[2606:4700::1]/a.pdf',
    ])
      expect(isPublicHttpUrl(url), url).toBe(true);
    expect(await fetchPdf(fetch, 'https://www.nsob.nl/files/a.pdf')).toEqual(PDF);
  });

  it('refuses any private IPv4 address, however it is written', () => {
    const privateV4 = fc.oneof(
      fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
    );
    fc.assert(
      fc.property(privateV4, fc.boolean(), (parts, asNumber) => {
        const host = asNumber ? String(parts.reduce((n, p) => n * 256 + p, 0)) : parts.join('.');
        return !isPublicHttpUrl(`http://${host}/x.pdf`);
      }),
    );
  });

  it('does not read the bytes when the publisher redirects to the local network', async () => {
    const redirected = new Response(PDF);
    Object.defineProperty(redirected, 'url', { value: 'http://192.168.0.1/a.pdf' });
    await expect(fetchPdf(async () => redirected, 'https://www.nsob.nl/a.pdf')).rejects.toMatchObject({
      code: 'pdf-unavailable',
    });
  });

  it('keeps non-Latin characters of the metadata escaped (HTTP headers are Latin-1)', async () => {
    const { fetch, calls } = fakeFetch(zotero);
    const record = { ...nsobRecord(), pdfUrl: 'https://www.nsob.nl/files/één.pdf' };
    await sendToZotero([record], { fetch, sessionId, pdf: async () => PDF });
    const header = calls.find((c) => c.url.includes('saveAttachment'))!.headers['X-Metadata'];
    expect(/^[\x20-\x7e]+$/.test(header)).toBe(true);
    expect(JSON.parse(header).url).toBe('https://www.nsob.nl/files/%C3%A9%C3%A9n.pdf');
  });
});

describe('what the reader is told when it fails', () => {
  const failing = async (answer: (call: Call) => Response | 'refused') => {
    const { fetch, calls } = fakeFetch(answer);
    const error = await sendToZotero([nsobRecord()], { fetch, sessionId }).catch((e: unknown) => e);
    return { error: error as ZoteroError, calls };
  };

  it('Zotero not running: the ping is refused, nothing else is tried', async () => {
    const { error, calls } = await failing(() => 'refused');
    expect(error).toBeInstanceOf(ZoteroError);
    expect(error.code).toBe('not-running');
    expect(calls).toHaveLength(1);
  });

  it('a read-only library: 500 with libraryEditable false', async () => {
    const { error } = await failing((call) =>
      call.url.endsWith('/saveItems')
        ? new Response(JSON.stringify({ libraryEditable: false }), { status: 500 })
        : zotero(call),
    );
    expect(error.code).toBe('read-only');
  });

  it('a session that exists: 409', async () => {
    const { error } = await failing((call) =>
      call.url.endsWith('/saveItems')
        ? new Response(JSON.stringify({ error: 'SESSION_EXISTS' }), { status: 409 })
        : zotero(call),
    );
    expect(error.code).toBe('session-exists');
  });

  it('any other failure is a failure, not a read-only library', async () => {
    const { error } = await failing((call) =>
      call.url.endsWith('/saveItems') ? new Response('oops', { status: 500 }) : zotero(call),
    );
    expect(error.code).toBe('failed');
  });
});

describe('the conformance check itself', () => {
  it('rejects a field the type lacks, an unknown type or creator type, and a malformed creator', () => {
    expect(
      schemaProblems({ itemType: 'webpage', title: 'x', creators: [], tags: [], institution: 'NSOB' }, 'api'),
    ).toEqual(['webpage has no field institution']);
    expect(schemaProblems({ itemType: 'essay', title: 'x', creators: [], tags: [] }, 'api')).toEqual([
      'item type essay',
    ]);
    expect(
      schemaProblems(
        { itemType: 'webpage', title: 'x', tags: [], creators: [{ creatorType: 'editor', name: 'A' }] },
        'api',
      ),
    ).toEqual(['webpage allows no creator type editor']);
    expect(
      schemaProblems(
        { itemType: 'report', title: 'x', tags: [], creators: [{ creatorType: 'author', name: 'A' }] },
        'connector',
      ),
    ).toHaveLength(1);
  });
});

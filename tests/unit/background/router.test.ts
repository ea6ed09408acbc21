import { describe, expect, it } from 'vitest';
import { envelope, MessageError } from '@/utils/messages';
import { route, type Handlers } from '@/utils/background/router';

const SELF = { id: 'leesmap', origin: 'chrome-extension://leesmap/' };
const PAGE = { id: 'leesmap', url: 'chrome-extension://leesmap/popup.html' };
const CONTENT = { id: 'leesmap', url: 'https://www.nsob.nl/x', tab: { id: 4 }, frameId: 0 };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return new Proxy(overrides as Handlers, {
    get: (target, type: string) =>
      (target as Record<string, unknown>)[type] ?? (async () => ({ handled: type })),
  });
}

describe('route', () => {
  it('answers a page’s message with its handler’s value', async () => {
    expect(await route(handlers(), SELF, envelope('page/list', {}), PAGE)).toEqual({
      ok: true,
      value: { handled: 'page/list' },
    });
  });

  it('leaves broadcasts and foreign messages unanswered', () => {
    const broadcast = { leesmap: 1, type: 'background/list-changed', payload: { ids: [] } };
    expect(route(handlers(), SELF, broadcast, PAGE)).toBeUndefined();
    expect(route(handlers(), SELF, { greeting: 'hi' }, PAGE)).toBeUndefined();
  });

  it('refuses a content script that asks to change the list, and strangers altogether', async () => {
    expect(await route(handlers(), SELF, envelope('page/delete', { ids: ['a'] }), CONTENT)).toEqual({
      ok: false,
      error: 'Sender not allowed',
      code: 'forbidden',
    });
    const stranger = { ...PAGE, id: 'other-extension' };
    expect(await route(handlers(), SELF, envelope('page/list', {}), stranger)).toMatchObject({
      code: 'forbidden',
    });
    expect(
      await route(
        handlers(),
        SELF,
        envelope('content/checked', { url: CONTENT.url, check: { ruledOut: true, signals: [] } }),
        CONTENT,
      ),
    ).toMatchObject({ ok: true });
  });

  it('turns a failure into a readable reason with its code, also one thrown before the first await', async () => {
    const failing = handlers({
      'page/merge': async () => {
        throw new MessageError('No such saved publications', 'not-found');
      },
      'page/list': (() => {
        throw new Error('sync');
      }) as unknown as Handlers['page/list'],
    });
    expect(await route(failing, SELF, envelope('page/merge', { ids: ['x'] }), PAGE)).toEqual({
      ok: false,
      error: 'No such saved publications',
      code: 'not-found',
    });
    expect(await route(failing, SELF, envelope('page/list', {}), PAGE)).toMatchObject({
      ok: false,
      error: 'sync',
    });
  });
});

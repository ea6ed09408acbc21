import { describe, expect, it } from 'vitest';
import {
  acceptsSender,
  broadcast,
  envelope,
  isBroadcast,
  isEnvelope,
  MessageError,
  onBroadcast,
  sendMessage,
  senderKind,
} from '@/utils/messages';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('senderKind', () => {
  it('recognises our content script in a web page top frame', () => {
    expect(senderKind({ id: ID, url: 'https://www.nsob.nl/x', tab: { id: 3 }, frameId: 0 }, ID, ORIGIN)).toBe(
      'content',
    );
  });
  it('recognises our own extension pages', () => {
    expect(senderKind({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('page');
  });
  it('rejects other extensions, sub-frames and non-web pages', () => {
    expect(senderKind({ id: 'other', url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('unknown');
    expect(senderKind({ id: ID, url: 'https://evil.example/', tab: { id: 3 }, frameId: 2 }, ID, ORIGIN)).toBe(
      'unknown',
    );
    expect(senderKind({ id: ID, url: 'file:///etc/passwd', tab: { id: 3 }, frameId: 0 }, ID, ORIGIN)).toBe(
      'unknown',
    );
    expect(senderKind({ id: ID }, ID, ORIGIN)).toBe('unknown');
  });
});

describe('acceptsSender', () => {
  it('lets a content script only report what it saw', () => {
    const allowed = ['content/checked', 'page/delete', 'page/imported', 'page/list'] as const;
    expect(allowed.filter((type) => acceptsSender(type, 'content'))).toEqual(['content/checked']);
  });
  it('lets only extension pages read and change the list', () => {
    expect(acceptsSender('page/delete', 'page')).toBe(true);
    expect(acceptsSender('content/checked', 'page')).toBe(false);
    expect(acceptsSender('page/list', 'unknown')).toBe(false);
  });
});

describe('isEnvelope', () => {
  it('accepts protocol messages and refuses anything else', () => {
    expect(isEnvelope(envelope('page/list', {}))).toBe(true);
    expect(isEnvelope({ leesmap: 1, type: 'page/drop-database', payload: {} })).toBe(false);
    expect(isEnvelope({ leesmap: 1, type: 'page/list', payload: null })).toBe(false);
    expect(isEnvelope({ leesmap: 1, type: 'page/list', payload: [] })).toBe(false);
    expect(isEnvelope({ type: 'page/list', payload: {} })).toBe(false);
    expect(isEnvelope('page/list')).toBe(false);
  });
});

describe('sendMessage', () => {
  it('unwraps a successful reply', async () => {
    const value = await sendMessage('page/dismissed', {}, async () => ({ ok: true, value: ['a'] }));
    expect(value).toEqual(['a']);
  });
  it('turns an error reply into a MessageError with its code', async () => {
    const failing = sendMessage('page/list', {}, async () => ({
      ok: false,
      error: 'Quota exceeded',
      code: 'quota',
    }));
    await expect(failing).rejects.toBeInstanceOf(MessageError);
    await expect(failing).rejects.toMatchObject({ message: 'Quota exceeded', code: 'quota' });
  });
  it('fails clearly when nobody answers', async () => {
    await expect(sendMessage('page/list', {}, async () => undefined)).rejects.toThrow(/No reply/);
  });
});

describe('broadcasts', () => {
  const listChanged = { leesmap: 1, type: 'background/list-changed', payload: { ids: ['a', 'b'] } };

  it('are envelopes of the protocol, checked like its messages', () => {
    expect(isBroadcast(listChanged)).toBe(true);
    expect(isBroadcast({ ...listChanged, payload: { ids: ['a', 3] } })).toBe(false);
    expect(isBroadcast({ ...listChanged, payload: { ids: 'a' } })).toBe(false);
    expect(isBroadcast({ ...listChanged, type: 'background/drop-everything' })).toBe(false);
    expect(isBroadcast({ ...listChanged, type: 'toString' })).toBe(false);
    expect(isBroadcast({ leesmap: 1, type: 'background/list-changed', ids: ['a'] })).toBe(false);
    // A broadcast is never a request the background would handle.
    expect(isEnvelope(listChanged)).toBe(false);
  });

  it('are sent as envelopes, and no open page is no error', async () => {
    const sent: unknown[] = [];
    broadcast('background/list-changed', { ids: ['a', 'b'] }, async (m) => void sent.push(m));
    expect(sent).toEqual([listChanged]);
    expect(() =>
      broadcast('background/list-changed', { ids: [] }, () =>
        Promise.reject(new Error('Receiving end does not exist')),
      ),
    ).not.toThrow();
  });

  it('reach a listener of their type only when well-formed, and are never answered', () => {
    const listeners: Array<(m: unknown) => undefined> = [];
    const events = {
      addListener: (l: (m: unknown) => undefined) => void listeners.push(l),
      removeListener: (l: (m: unknown) => undefined) => void listeners.splice(listeners.indexOf(l), 1),
    };
    const heard: string[][] = [];
    const stop = onBroadcast('background/list-changed', ({ ids }) => heard.push(ids), events);
    const replies = [
      listChanged,
      { ...listChanged, payload: { ids: [{}] } },
      envelope('page/list', {}),
      'background/list-changed',
    ].map((m) => listeners[0](m));
    expect(heard).toEqual([['a', 'b']]);
    expect(replies.every((r) => r === undefined)).toBe(true);
    stop();
    expect(listeners).toEqual([]);
  });
});

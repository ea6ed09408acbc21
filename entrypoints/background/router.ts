/**
 * Receives every runtime message, checks it against the protocol and its sender, runs the
 * handler and replies with data (`Reply`), so a failure reaches the popup as a readable reason.
 */
import {
  acceptsSender,
  isEnvelope,
  senderKind,
  type MessageType,
  type Protocol,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from '@/utils/messages';
import type { Runtime } from 'webextension-polyfill';

export type Handlers = {
  [K in MessageType]: (payload: RequestOf<K>, sender: Runtime.MessageSender) => Promise<ResponseOf<K>>;
};

export function listenForMessages(handlers: Handlers): void {
  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    // Broadcasts and foreign messages get no reply at all: another listener may answer them.
    if (!isEnvelope(message)) return undefined;
    const kind = senderKind(sender, browser.runtime.id, extensionOrigin);
    if (!acceptsSender(message.type, kind)) {
      return Promise.resolve<Reply<never>>({ ok: false, error: 'Sender not allowed', code: 'forbidden' });
    }
    const handler = handlers[message.type] as (
      payload: Protocol[MessageType]['request'],
      sender: Runtime.MessageSender,
    ) => Promise<unknown>;
    return handler(message.payload, sender).then(
      (value): Reply<unknown> => ({ ok: true, value }),
      (error: unknown): Reply<unknown> => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        code: (error as { code?: string } | null)?.code,
      }),
    );
  });
}

/**
 * Every runtime message passes here: checked against the protocol and its sender, handed to its
 * handler, and answered with data (`Reply`), so a failure reaches the page as a readable reason.
 */
import {
  acceptsSender,
  isEnvelope,
  senderKind,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
  type SenderInfo,
} from '@/utils/messages';

export type Handlers = {
  [K in MessageType]: (payload: RequestOf<K>, sender: SenderInfo) => Promise<ResponseOf<K>>;
};

/** Who we are: the sender check compares against these. */
export interface Self {
  id: string;
  /** Our extension pages' origin, `chrome-extension://<id>/`. */
  origin: string;
}

/**
 * The reply to one message, or undefined for anything that is not ours to answer (broadcasts,
 * foreign messages): another listener may answer those.
 */
export function route(
  handlers: Handlers,
  self: Self,
  message: unknown,
  sender: SenderInfo,
): Promise<Reply<unknown>> | undefined {
  if (!isEnvelope(message)) return undefined;
  if (!acceptsSender(message.type, senderKind(sender, self.id, self.origin))) {
    return Promise.resolve({ ok: false, error: 'Sender not allowed', code: 'forbidden' });
  }
  const handler = handlers[message.type] as (payload: unknown, sender: SenderInfo) => Promise<unknown>;
  // A handler that throws before its first await still answers with a reason.
  return new Promise<unknown>((resolve) => resolve(handler(message.payload, sender))).then(
    (value): Reply<unknown> => ({ ok: true, value }),
    (error: unknown): Reply<unknown> => ({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      code: (error as { code?: string } | null)?.code,
    }),
  );
}

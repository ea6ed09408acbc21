/** A stand-in for the background: records every message and answers from a small in-memory list. */
import type { MessageType, RequestOf, ResponseOf } from '@/utils/messages';
import type { SavedPublication } from '@/utils/record';
import type { Send } from '@/utils/stores/reading-list';

export interface FakeBackground {
  send: Send;
  sent: Array<{ type: MessageType; payload: unknown }>;
  records: Map<string, SavedPublication>;
}

export function fakeBackground(
  initial: SavedPublication[] = [],
  answers: Partial<{ [K in MessageType]: (p: RequestOf<K>) => ResponseOf<K> }> = {},
): FakeBackground {
  const records = new Map(initial.map((r) => [r.id, r]));
  const sent: FakeBackground['sent'] = [];
  const send = (async (type: MessageType, payload: unknown) => {
    sent.push({ type, payload });
    const custom = (answers as Record<string, (p: unknown) => unknown>)[type];
    if (custom) return custom(payload);
    switch (type) {
      case 'page/update': {
        const { id, changes } = payload as RequestOf<'page/update'>;
        const next = { ...records.get(id)!, ...changes, updatedAt: Date.now() } as SavedPublication;
        records.set(id, next);
        return next;
      }
      case 'page/update-many': {
        const { ids, changes } = payload as RequestOf<'page/update-many'>;
        for (const id of ids) records.set(id, { ...records.get(id)!, ...changes } as SavedPublication);
        return { updated: ids.length };
      }
      case 'page/add-tag': {
        const { ids, tag } = payload as RequestOf<'page/add-tag'>;
        const lacking = ids.filter((id) => !records.get(id)!.tags.includes(tag));
        for (const id of lacking)
          records.set(id, { ...records.get(id)!, tags: [...records.get(id)!.tags, tag] });
        return { updated: lacking.length };
      }
      case 'page/delete': {
        const { ids } = payload as RequestOf<'page/delete'>;
        for (const id of ids) records.delete(id);
        return { deleted: ids.length };
      }
      case 'page/list':
        return [...records.values()].sort((a, b) => b.savedAt - a.savedAt);
      default:
        throw new Error(`unexpected message ${type}`);
    }
  }) as Send;
  return { send, sent, records };
}

export function sourceFor(background: FakeBackground) {
  const all = async () => [...background.records.values()].sort((a, b) => b.savedAt - a.savedAt);
  return {
    firstScreen: async (limit: number) => (await all()).slice(0, limit),
    all,
    one: async (id: string) => background.records.get(id),
  };
}

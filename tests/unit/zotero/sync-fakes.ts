/** The options' sync ports (components/ZoteroSync.tsx) in memory, as a reader's browser would hold them. */
import { vi } from 'vitest';
import type { ZoteroSyncPorts } from '@/components/ZoteroSync';
import type { SyncConfig, SyncStatus } from '@/utils/zotero/sync-settings';

export function fakeSyncPorts(start: { permitted?: boolean; granted?: boolean } = {}) {
  const state = {
    config: { on: false } as SyncConfig,
    key: undefined as string | undefined,
    permitted: start.permitted ?? false,
    status: undefined as SyncStatus | undefined,
    listeners: new Set<() => void>(),
  };
  const changed = () => state.listeners.forEach((l) => l());
  const ports: ZoteroSyncPorts = {
    load: async () => ({
      config: state.config,
      hasKey: state.key !== undefined,
      status: state.status,
      permitted: state.permitted,
    }),
    connect: vi.fn(async (key: string | undefined) => {
      state.permitted = start.granted ?? true;
      if (state.permitted && key) state.key = key;
      return state.permitted;
    }),
    libraries: async () => [
      { type: 'user', id: 1000, name: 'anna' },
      { type: 'group', id: 4711, name: 'Dossier IBP' },
    ],
    collections: async (library) => (library.type === 'group' ? [{ key: 'LEESMAP1', name: 'Leesmap' }] : []),
    createCollection: vi.fn(async (_library, name: string) => ({ key: 'NEWCOLL1', name })),
    use: vi.fn(async (library, collection) => {
      state.config = { on: true, library, collection };
      changed();
    }),
    syncNow: vi.fn(async () => undefined),
    turnOff: async () => {
      state.config = { ...state.config, on: false };
    },
    forget: vi.fn(async () => {
      state.key = undefined;
      state.permitted = false;
      state.config = { on: false };
    }),
    onChange: (listener) => {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
  };
  return Object.assign(ports, { state, changed });
}

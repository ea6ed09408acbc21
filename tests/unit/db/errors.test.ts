import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DB_VERSION,
  listPublications,
  openLeesmapDB,
  requestPersistentStorage,
  savePublication,
  StorageError,
  toStorageError,
  importPublications,
} from '@/utils/db';
import { freshIndexedDB, openReleased, publication } from './helpers';

let name: string;
beforeEach(() => {
  name = freshIndexedDB();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('storage errors reach the reader as a reason code, with data untouched', () => {
  it('a database from a newer Leesmap fails with reason version', async () => {
    (await openDB(name, 99)).close();
    await expect(openLeesmapDB(name)).rejects.toMatchObject({ name: 'StorageError', reason: 'version' });
  });

  it('an older connection that will not close fails the upgrade with reason blocked, and nothing is lost', async () => {
    const old = await openReleased(name, 1);
    await old.put('publications', { id: 'url:a.org/x', title: 'Bewaard' } as never);
    await expect(openLeesmapDB(name, { blockedTimeoutMs: 20 })).rejects.toMatchObject({ reason: 'blocked' });
    old.close();
    // The stalled open completes in the background and must not keep a connection open.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const raw = await openDB(name);
    expect(await raw.get('publications', 'url:a.org/x')).toEqual({ id: 'url:a.org/x', title: 'Bewaard' });
    // The late open upgraded to the current version and then let go of its connection.
    expect(raw.version).toBe(DB_VERSION);
    raw.close();
  });

  it('an open Leesmap connection steps aside for a newer version and says so', async () => {
    const onClose = vi.fn();
    const db = await openLeesmapDB(name, { onClose });
    const newer = await openDB(name, 50);
    expect(onClose).toHaveBeenCalledWith('versionchange');
    newer.close();
    void db;
  });

  it('a full disk while saving fails with reason quota and keeps the existing list', async () => {
    const db = await openLeesmapDB(name);
    await savePublication(db, publication({ url: 'https://a.org/1', title: 'Eerste' }));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(
      savePublication(db, publication({ url: 'https://a.org/2', title: 'Tweede' })),
    ).rejects.toMatchObject({
      reason: 'quota',
    });
    vi.restoreAllMocks();
    expect((await listPublications(db)).map((p) => p.title)).toEqual(['Eerste']);
    db.close();
  });

  it('an invalid import fails with reason invalid, names record and field, and changes nothing', async () => {
    const db = await openLeesmapDB(name);
    const saved = await savePublication(db, publication());
    const good = { ...saved, id: 'url:b.org/1', url: 'https://b.org/1', title: 'Goed' };
    const bad = { ...saved, id: 'url:b.org/2', url: 'https://b.org/2', year: 'twintig' };
    const error = await importPublications(db, [good, bad as never], 'replace').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).reason).toBe('invalid');
    expect((error as StorageError).message).toContain('record 2, field year');
    expect((await listPublications(db)).map((p) => p.id)).toEqual([saved.id]);
    db.close();
  });

  it('a browser without usable IndexedDB fails with reason open-failed', async () => {
    const real = globalThis.indexedDB;
    globalThis.indexedDB = {
      open() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    try {
      await expect(openLeesmapDB(name)).rejects.toMatchObject({
        name: 'StorageError',
        reason: 'open-failed',
      });
    } finally {
      globalThis.indexedDB = real;
    }
  });

  it('maps unknown failures to reason failed', () => {
    expect(toStorageError(new Error('boom')).reason).toBe('failed');
    expect(toStorageError(new DOMException('x', 'QuotaExceededError')).reason).toBe('quota');
  });
});

describe('requestPersistentStorage', () => {
  it('reports what the browser answered', async () => {
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => true })).toBe(
      'granted',
    );
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => false })).toBe(
      'denied',
    );
    expect(await requestPersistentStorage({ persisted: async () => true, persist: async () => false })).toBe(
      'granted',
    );
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
  });
});

describe('createLeesmapConnection', () => {
  it('shares one connection and reopens after a newer version closed it', async () => {
    const { createLeesmapConnection } = await import('@/utils/db');
    const connection = createLeesmapConnection(name);
    const first = await connection();
    expect(await connection()).toBe(first);
    // Something else upgrades the database (a newer Leesmap in another context) and closes again.
    (await openDB(name, DB_VERSION + 1)).close();
    const second = await connection().catch((e: unknown) => e);
    // This Leesmap is older than the database now: it says so instead of using a closed connection.
    expect(second).toMatchObject({ reason: 'version' });
  });
});

/**
 * The options' sync through a Zotero library (issue 16): the API key, the library (own or a
 * group's) and the collection, read through the Web API; then the connection, the last sync, the
 * queue, who added what, the hosts Leesmap may reach, "Sync now", and removing the key in one
 * click. The `api.zotero.org` permission is asked from the "Turn sync on" click itself, the first
 * thing its handler does; before that click nothing reaches Zotero.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatNumber, t } from '@/utils/i18n';
import type { SyncConfig, SyncStatus } from '@/utils/zotero/sync-settings';
import type { LibraryChoice } from '@/utils/zotero/webapi';

type Collection = { key: string; name: string };

export interface ZoteroSyncPorts {
  load(): Promise<{ config: SyncConfig; hasKey: boolean; status?: SyncStatus; permitted: boolean }>;
  /** Asks for `api.zotero.org` (from the click), then keeps the key; false when refused. */
  connect(key: string | undefined): Promise<boolean>;
  libraries(): Promise<LibraryChoice[]>;
  collections(library: LibraryChoice): Promise<Collection[]>;
  createCollection(library: LibraryChoice, name: string): Promise<Collection>;
  use(library: LibraryChoice, collection: Collection): Promise<void>;
  syncNow(): Promise<void>;
  turnOff(): Promise<void>;
  /** Removes the key, the choice and the permission. */
  forget(): Promise<void>;
  onChange(listener: () => void): () => void;
}

const NEW = '__new__';

function time(at: number): string {
  return `${formatDate(at)} ${new Date(at).toLocaleTimeString(document.documentElement.lang || undefined, {
    hour: '2-digit',
    minute: '2-digit',
  })}`;
}

function libraryLabel(library: LibraryChoice): string {
  return library.type === 'user'
    ? t('zoteroSyncOwnLibrary', library.name)
    : t('zoteroSyncGroup', library.name);
}

const PROBLEMS = {
  offline: 'zoteroSyncStateOffline',
  'bad-key': 'zoteroSyncStateBadKey',
  failed: 'zoteroSyncStateFailed',
} as const;

function StatusView({ config, status }: { config: SyncConfig; status?: SyncStatus }) {
  const where = `${config.library ? libraryLabel({ ...config.library }) : ''} / ${config.collection?.name ?? ''}`;
  const problem =
    status && status.state in PROBLEMS ? PROBLEMS[status.state as keyof typeof PROBLEMS] : undefined;
  return (
    <div>
      <p role="status" data-testid="zotero-sync-state">
        {status?.state === 'syncing' ? t('zoteroSyncStateSyncing') : t('zoteroSyncStateOn', where)}
      </p>
      {problem && (
        <p class="error" role="alert" data-testid="zotero-sync-problem">
          {t(problem)} {status?.retryAt ? t('zoteroSyncRetry', time(status.retryAt)) : ''}
        </p>
      )}
      <p class="muted small" data-testid="zotero-sync-last">
        {status?.lastSuccess ? t('zoteroSyncLast', time(status.lastSuccess)) : t('zoteroSyncNever')}
      </p>
      <p class="small" data-testid="zotero-sync-pending">
        {t('zoteroSyncPending', formatNumber(status?.pending ?? 0))}
      </p>
      {Boolean(status?.deleted || status?.removed) && (
        <p class="small" data-testid="zotero-sync-deletions">
          {t('zoteroSyncTrashed', formatNumber(status!.deleted ?? 0), formatNumber(status!.removed ?? 0))}
        </p>
      )}
      {(status?.addedByOthers ?? []).length > 0 && (
        <ul class="small" data-testid="zotero-sync-added">
          {status!.addedByOthers!.map((a, i) => (
            <li key={i}>{t('zoteroSyncAddedBy', a.title, a.by)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface ChoiceProps {
  name: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  pick: (value: string) => void;
}

/** A labelled drop-down (`zotero-sync-<name>`). */
function Choice({ name, label, value, options, pick }: ChoiceProps) {
  const id = `zotero-sync-${name}`;
  return (
    <div class="inline-row">
      <label for={id}>{label}</label>
      <select
        id={id}
        data-testid={id}
        value={value}
        onChange={(e) => pick((e.currentTarget as HTMLSelectElement).value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Chooser({ ports, done }: { ports: ZoteroSyncPorts; done: () => void }) {
  const [libraries, setLibraries] = useState<LibraryChoice[] | undefined>();
  const [library, setLibrary] = useState(0);
  const [collections, setCollections] = useState<Collection[]>([]);
  const [collection, setCollection] = useState(NEW);
  const [error, setError] = useState('');
  const fail = () => setError(t('zoteroSyncStateBadKey'));
  useEffect(() => void ports.libraries().then(setLibraries, fail), []);
  const chosen = libraries?.[library];
  useEffect(() => {
    if (!chosen) return;
    void ports.collections(chosen).then((list) => {
      setCollections(list);
      setCollection(list.find((c) => c.name === 'Leesmap')?.key ?? list[0]?.key ?? NEW);
    }, fail);
  }, [chosen?.type, chosen?.id]);
  if (error)
    return (
      <p class="error" role="alert" data-testid="zotero-sync-problem">
        {error}
      </p>
    );
  if (!libraries) return <p class="muted small">{t('zoteroSyncLoading')}</p>;
  if (!chosen) return <p class="error">{t('zoteroSyncNoLibraries')}</p>;
  const use = async () => {
    const picked =
      collections.find((c) => c.key === collection) ?? (await ports.createCollection(chosen, 'Leesmap'));
    await ports.use(chosen, picked);
    done();
  };
  const options = {
    library: libraries.map((l, i) => ({ value: String(i), label: libraryLabel(l) })),
    collection: [
      ...collections.map((c) => ({ value: c.key, label: c.name })),
      { value: NEW, label: t('zoteroSyncNewCollection') },
    ],
  };
  return (
    <div class="choices">
      <Choice
        name="library"
        label={t('zoteroSyncLibrary')}
        value={String(library)}
        options={options.library}
        pick={(value) => setLibrary(Number(value))}
      />
      <Choice
        name="collection"
        label={t('zoteroSyncCollection')}
        value={collection}
        options={options.collection}
        pick={setCollection}
      />
      <button type="button" data-testid="zotero-sync-use" onClick={() => void use().catch(fail)}>
        {t('zoteroSyncUse')}
      </button>
    </div>
  );
}

type Loaded = Awaited<ReturnType<ZoteroSyncPorts['load']>>;

function Connect({
  ports,
  loaded,
  connected,
  reload,
}: {
  ports: ZoteroSyncPorts;
  loaded: Loaded;
  connected: () => void;
  reload: () => void;
}) {
  const [key, setKey] = useState('');
  const [denied, setDenied] = useState(false);
  const connect = () => {
    // First thing in the handler: the browser grants the permission only from the click.
    void ports.connect(key.trim() || undefined).then((granted) => {
      setDenied(!granted);
      if (granted) connected();
      else reload();
    });
  };
  return (
    <div>
      <p role="status" data-testid="zotero-sync-state">
        {t('zoteroSyncStateOff')}
      </p>
      {!loaded.hasKey && (
        <div class="inline-row">
          <label for="zotero-sync-key">{t('zoteroSyncKey')}</label>
          <input
            id="zotero-sync-key"
            type="password"
            autocomplete="off"
            data-testid="zotero-sync-key"
            value={key}
            onInput={(e) => setKey((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
      )}
      <button
        type="button"
        data-testid="zotero-sync-connect"
        disabled={!loaded.hasKey && !key.trim()}
        onClick={connect}
      >
        {t('zoteroSyncConnect')}
      </button>
      {denied && (
        <p class="error" role="alert">
          {t('zoteroSyncDenied')}
        </p>
      )}
    </div>
  );
}

export function ZoteroSync({ ports }: { ports: ZoteroSyncPorts }) {
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  // The library and collection are read only after the reader's Connect click on this page: a
  // permission that stays granted otherwise (all sites) must not make the page reach Zotero.
  const [connecting, setConnecting] = useState(false);
  const reload = () => void ports.load().then(setLoaded, () => undefined);
  useEffect(() => {
    reload();
    return ports.onChange(reload);
  }, []);
  if (!loaded) return null;
  const on = loaded.config.on && loaded.permitted && loaded.hasKey;
  const choosing = !on && connecting && loaded.permitted && loaded.hasKey;
  const actions = [
    { id: 'now', label: 'zoteroSyncNow', shown: on, run: ports.syncNow },
    { id: 'off', label: 'zoteroSyncOff', shown: on, run: ports.turnOff },
    { id: 'forget', label: 'zoteroSyncForget', shown: loaded.hasKey, run: ports.forget },
  ] as const;
  return (
    <section class="panel" data-testid="zotero-sync" aria-labelledby="zotero-sync-title">
      <h2 id="zotero-sync-title">{t('zoteroSyncTitle')}</h2>
      <p class="muted small">{t('zoteroSyncHint')}</p>
      {on ? (
        <StatusView config={loaded.config} status={loaded.status} />
      ) : choosing ? (
        <Chooser ports={ports} done={reload} />
      ) : (
        <Connect
          ports={ports}
          loaded={loaded}
          connected={() => {
            setConnecting(true);
            reload();
          }}
          reload={reload}
        />
      )}
      <div class="inline-row">
        {actions
          .filter((a) => a.shown)
          .map((a) => (
            <button
              key={a.id}
              type="button"
              data-testid={`zotero-sync-${a.id}`}
              onClick={() => {
                setConnecting(false);
                void a.run().then(reload);
              }}
            >
              {t(a.label)}
            </button>
          ))}
      </div>
      <p class="small">
        {t('zoteroSyncHosts')}{' '}
        <code data-testid="zotero-sync-hosts">
          {on || choosing ? 'https://api.zotero.org' : t('zoteroSyncNoHosts')}
        </code>
      </p>
    </section>
  );
}

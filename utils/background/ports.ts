/**
 * What the background needs from the browser and the database, as plain interfaces. The extension
 * passes the real ones (entrypoints/background/ports.ts); unit tests pass fakes, so every flow here
 * runs in Node.
 */
import type { LeesmapDatabase } from '@/utils/db';
import type { BroadcastOf, BroadcastType } from '@/utils/messages';
import type { Settings } from '@/utils/settings';

/** Key-value storage that outlives the service worker but not the browser session (`storage.session`). */
export interface SessionStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface OpenTab {
  id: number;
  url: string;
}

export interface TabsPort {
  /** The tab's current address ('' when the browser gives none); throws when the tab is gone. */
  url(tabId: number): Promise<string>;
  /** Every open tab with an address. */
  all(): Promise<OpenTab[]>;
}

export type BadgeState = 'none' | 'detected' | 'saved';

/** A passing mark on a tab's toolbar button (after a save without the popup), with its tooltip. */
export interface BadgeMark {
  text: string;
  color: string;
  title: string;
}

/**
 * The scripts the background injects: the full check (detection only) where the first check let
 * the page through, and the extractor (the record) where that finds a publication or the reader asks.
 */
export type InjectedScript = 'full-check' | 'extractor';

export interface BackgroundPorts {
  /** The connection, opened on first use and reopened after a failure (utils/db). */
  database(): Promise<LeesmapDatabase>;
  session: SessionStore;
  tabs: TabsPort;
  /** Shows a tab's badge; a closed tab is no error. */
  setBadge(tabId: number, state: BadgeState): Promise<void>;
  /** Shows a passing mark instead, until the next `setBadge`; a closed tab is no error. */
  markBadge(tabId: number, mark: BadgeMark): Promise<void>;
  /** Resolves after `ms` (setTimeout; tests resolve at once). */
  wait(ms: number): Promise<void>;
  broadcast<K extends BroadcastType>(type: K, payload: BroadcastOf<K>): void;
  /** Runs one of our scripts in the tab and gives its raw result; throws without access to the tab. */
  inject(tabId: number, script: InjectedScript): Promise<unknown>;
  settings(): Promise<Settings>;
  /** Wall-clock time in ms (Date.now). */
  now(): number;
}

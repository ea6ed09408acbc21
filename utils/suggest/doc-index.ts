/**
 * The engine's index: saved records and catalog entries as term vectors, with the postings the
 * nearest-neighbour queries walk. Updated one record at a time (save, delete, new catalog
 * entries), so keeping it current costs O(one record).
 */
import type { CatalogEntry, SavedPublication } from '@/utils/record';
import {
  catalogDoc,
  savedDoc,
  type CatalogDoc,
  type IndexedDoc,
  type Lister,
  type SavedDoc,
  titleKeyOf,
} from './documents';
import { Postings, SlotSums } from './postings';
import { Vocabulary } from './vocabulary';

/** Dead postings tolerated before the lists are compacted. */
const COMPACT_AFTER_DEAD_POSTINGS = 50_000;

export class DocIndex {
  readonly vocabulary = new Vocabulary();
  readonly saved = new Map<string, SavedDoc>();
  /** Address key → saved record id. */
  readonly savedByUrl = new Map<string, string>();
  readonly catalog = new Map<string, CatalogDoc>();
  /** Address key → catalog entry id. */
  private readonly catalogIdByUrl = new Map<string, string>();
  /** Title key (`titleKeyOf`) → catalog entry id, the last one added under it. */
  private readonly catalogIdByTitle = new Map<string, string>();
  /** termId → themed docs containing it (dead docs skipped, compacted now and then). */
  readonly themedPostings = new Map<number, Postings>();
  /** termId → live themed docs containing it. */
  readonly themedFrequency = new Map<number, number>();
  /** termId → saved docs containing it, to name the most similar saved record. */
  readonly savedPostings = new Map<number, Postings>();
  /** Documents by slot (dead ones dropped), and whether each slot is alive. */
  readonly docsBySlot: (IndexedDoc | undefined)[] = [];
  aliveSlots = new Uint8Array(1024);
  /** Scratch for one query at a time. */
  readonly slotSums = new SlotSums();
  private nextSlot = 0;
  private deadPostings = 0;

  /** Adds or replaces a saved record. */
  addSaved(record: SavedPublication): void {
    if (!record || typeof record.id !== 'string') return;
    this.removeSaved(record.id);
    const doc = savedDoc(record, this.nextSlot++, this.vocabulary);
    this.saved.set(record.id, doc);
    for (const key of doc.urlKeys) this.savedByUrl.set(key, record.id);
    this.link(doc, true);
  }

  removeSaved(id: string): void {
    const doc = this.saved.get(id);
    if (!doc) return;
    this.saved.delete(id);
    for (const key of doc.urlKeys) if (this.savedByUrl.get(key) === id) this.savedByUrl.delete(key);
    this.unlink(doc);
  }

  /** Adds or replaces a catalog entry. */
  addCatalogEntry(entry: CatalogEntry): void {
    if (!entry || typeof entry.id !== 'string') return;
    this.removeCatalogEntry(entry.id);
    const doc = catalogDoc(entry, this.nextSlot++, this.vocabulary);
    this.catalog.set(entry.id, doc);
    if (doc.urlKey) this.catalogIdByUrl.set(doc.urlKey, doc.id);
    const titleKey = titleKeyOf(entry.title);
    if (titleKey) this.catalogIdByTitle.set(titleKey, doc.id);
    this.link(doc, false);
  }

  removeCatalogEntry(id: string): void {
    const doc = this.catalog.get(id);
    if (!doc) return;
    this.catalog.delete(id);
    if (doc.urlKey && this.catalogIdByUrl.get(doc.urlKey) === id) this.catalogIdByUrl.delete(doc.urlKey);
    const titleKey = titleKeyOf(doc.entry.title);
    if (titleKey && this.catalogIdByTitle.get(titleKey) === id) this.catalogIdByTitle.delete(titleKey);
    this.unlink(doc);
  }

  /** A catalog entry by its address key (the address without scheme, see documents.ts). */
  catalogByUrl(urlKey: string): CatalogDoc | undefined {
    const id = this.catalogIdByUrl.get(urlKey);
    return id === undefined ? undefined : this.catalog.get(id);
  }

  /** A catalog entry by its title, compared folded (`titleKeyOf`). */
  catalogByTitle(title: string): CatalogDoc | undefined {
    const id = this.catalogIdByTitle.get(titleKeyOf(title));
    return id === undefined ? undefined : this.catalog.get(id);
  }

  /** A catalog entry the reader saved, by id or by address. */
  isSaved(doc: CatalogDoc): boolean {
    return this.saved.has(doc.id) || (doc.urlKey !== undefined && this.savedByUrl.has(doc.urlKey));
  }

  /** Whether the reader saved the page that listed an entry, by its id or address. */
  listerIsSaved(lister: Lister): boolean {
    return this.saved.has(lister.id) || this.savedByUrl.has(lister.urlKey);
  }

  /** The saved record of a lister, by its id or address. */
  savedLister(lister: Lister): SavedDoc | undefined {
    return this.saved.get(lister.id) ?? this.saved.get(this.savedByUrl.get(lister.urlKey) ?? '');
  }

  private link(doc: IndexedDoc, isSavedDoc: boolean): void {
    this.vocabulary.addDocument(doc);
    if (doc.slot >= this.aliveSlots.length) {
      const grown = new Uint8Array(Math.max(doc.slot + 1, this.aliveSlots.length * 2));
      grown.set(this.aliveSlots);
      this.aliveSlots = grown;
    }
    this.aliveSlots[doc.slot] = 1;
    this.docsBySlot[doc.slot] = doc;
    const themed = doc.themeKeys.length > 0;
    for (let i = 0; i < doc.terms.length; i++) {
      const id = doc.terms[i];
      if (themed) {
        addPosting(this.themedPostings, id, doc.slot, doc.counts[i]);
        this.themedFrequency.set(id, (this.themedFrequency.get(id) ?? 0) + 1);
      }
      if (isSavedDoc) addPosting(this.savedPostings, id, doc.slot, doc.counts[i]);
    }
  }

  private unlink(doc: IndexedDoc): void {
    this.aliveSlots[doc.slot] = 0;
    this.docsBySlot[doc.slot] = undefined;
    this.vocabulary.removeDocument(doc);
    if (doc.themeKeys.length > 0) {
      for (const id of doc.terms) this.themedFrequency.set(id, (this.themedFrequency.get(id) ?? 1) - 1);
    }
    this.deadPostings += doc.terms.length;
    if (this.deadPostings > COMPACT_AFTER_DEAD_POSTINGS) this.compactPostings();
  }

  private compactPostings(): void {
    for (const list of this.themedPostings.values()) list.compact(this.aliveSlots);
    for (const list of this.savedPostings.values()) list.compact(this.aliveSlots);
    this.deadPostings = 0;
  }
}

function addPosting(lists: Map<number, Postings>, termId: number, slot: number, count: number): void {
  let list = lists.get(termId);
  if (!list) lists.set(termId, (list = new Postings()));
  list.push(slot, count);
}

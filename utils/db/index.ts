/**
 * The reading list's database: the only package that opens IndexedDB. `open.ts` (schema, upgrade
 * ladder, errors), `merge.ts` (the record rules, pure, and `writeMerged`), `writes.ts` (saves,
 * visits, edits, merges, deletes), `catalog.ts` (seen, not saved), `imports.ts` (preview, import,
 * undo) and `queries.ts` (reads). Imported by the background (the only writer of saves, visits
 * and edits) and by extension pages (reads, and an import the page writes itself in one
 * transaction, under the same rules).
 */
export * from './open';
export * from './catalog';
export * from './imports';
export * from './queries';
export * from './writes';

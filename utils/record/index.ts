/**
 * The record's home: its shapes, its fields, the one table of caps, the validator of files and the
 * sanitiser of every other way in. Messages, storage and export all build on this package, and it
 * imports nothing else of Leesmap's, so none of them has to import another for a type or a rule.
 */
export * from './shapes';
export * from './fields';
export * from './limits';
export * from './text';
export * from './sanitize';
export * from './validate';

/**
 * The sanitiser now lives in `utils/record`; this module only forwards it for code not yet moved.
 * New code imports `@/utils/record`.
 */
export * from './record/text';
export * from './record/sanitize';

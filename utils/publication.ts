/**
 * The record's shapes now live in `utils/record`; this module only forwards them for code not yet
 * moved. New code imports `@/utils/record`.
 */
export * from './record/shapes';

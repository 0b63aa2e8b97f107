export * from './permissions';
export * from './redactLog';
export * from './kubectl';
export { EVIDENCE_KINDS } from './types';
export type * from './types';

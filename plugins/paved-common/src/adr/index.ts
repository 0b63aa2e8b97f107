export * from './types';
export { parseAdrMarkdown } from './parseAdr';
export { parseAdrStatus } from './status';
export type { AdrStatusInfo } from './status';
export { findAdrReferences } from './references';
export { normaliseAdrDate } from './dates';

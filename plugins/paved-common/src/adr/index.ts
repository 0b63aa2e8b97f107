export { ADR_STATUSES } from './types';
export type { AdrFormat, AdrReference, AdrStatus, ParsedAdr } from './types';
export { parseAdrMarkdown } from './parseAdr';
export { findAdrReferences } from './references';

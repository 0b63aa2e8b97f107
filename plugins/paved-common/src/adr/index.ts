export { ADR_STATUSES } from './types';
export type { AdrFormat, AdrReference, AdrStatus, ParsedAdr } from './types';
export { parseAdrMarkdown } from './parseAdr';
export { findAdrReferences } from './references';
export {
  decisionFilterOptions,
  decisionsAbout,
  filterDecisions,
  toDecisionRow,
} from './decisionRows';
export type { DecisionFilters, DecisionRow } from './decisionRows';

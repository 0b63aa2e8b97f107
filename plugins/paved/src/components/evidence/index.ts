export { EvidenceButton } from './EvidenceButton';
export { evidenceTargetOf } from './evidenceTarget';

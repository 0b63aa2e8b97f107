export {
  PAVED_LOGS_READ_PERMISSION_NAME,
  pavedEvidencePermissions,
  pavedLogsReadPermission,
} from './permissions';
export { redactLogLines } from './redactLog';
export { evidenceCommands } from './kubectl';
export { EVIDENCE_KINDS } from './types';
export type {
  EvidenceCommands,
  EvidenceEvent,
  EvidenceKind,
  EvidencePart,
  EvidenceResponse,
  PreviousLog,
} from './types';

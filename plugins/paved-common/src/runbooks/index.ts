export {
  RUNBOOK_OPTIONAL_SECTIONS,
  RUNBOOK_REQUIRED_SECTIONS,
  RUNBOOK_TENANT_STEPS,
  runbookById,
  RUNBOOKS,
  runbookUrl,
} from './runbooks';
export type {
  Runbook,
  RunbookDefinition,
  RunbookId,
  RunbookReasons,
  RunbookSection,
  RunbookStepRole,
  RunbookTenantStep,
  RunbookUrlOptions,
} from './runbooks';

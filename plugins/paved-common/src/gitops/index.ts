export type {
  GitOpsClusterSummary,
  GitOpsEntityResponse,
  GitOpsEntityScope,
  GitOpsFoundBy,
  GitOpsHealth,
  GitOpsKind,
  GitOpsObjectRef,
  GitOpsObjectStatus,
  GitOpsProblem,
  GitOpsSignal,
  GitOpsSync,
  GitOpsTool,
} from './types';
export {
  ARGOCD_ANNOTATIONS,
  GITOPS_TRACKING,
  GitOpsAnnotationError,
  readArgoCdAnnotations,
  refMatches,
  trackingRefsOf,
  uniqueRefs,
} from './annotations';
export { GITOPS_KINDS, gitopsStatusOf, summarizeGitOps } from './status';
export type { GitOpsStatusOptions } from './status';
export {
  PAVED_GITOPS_READ_PERMISSION_NAME,
  pavedGitOpsPermissions,
  pavedGitOpsReadPermission,
} from './permissions';

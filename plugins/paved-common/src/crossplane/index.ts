export {
  CROSSPLANE_ANNOTATIONS,
  readCrossplaneAnnotations,
} from './annotations';
export type {
  CrossplaneClaimReference,
  CrossplaneEntityAnnotations,
} from './annotations';
export { conditionState, readCondition } from './conditions';
export {
  PAVED_CROSSPLANE_EVENTS_READ_PERMISSION_NAME,
  PAVED_CROSSPLANE_READ_PERMISSION_NAME,
  PAVED_CROSSPLANE_YAML_READ_PERMISSION_NAME,
  pavedCrossplaneEventsReadPermission,
  pavedCrossplanePermissions,
  pavedCrossplaneReadPermission,
  pavedCrossplaneYamlReadPermission,
} from './permissions';
export {
  claimRunbookUrl,
  claimStatus,
  countConditions,
  firstNotReadyReason,
  flattenTree,
  orderTree,
} from './tree';
export type {
  CrossplaneClaimStatus,
  CrossplaneClaimView,
  CrossplaneClusterClaims,
  CrossplaneCompositionInfo,
  CrossplaneCondition,
  CrossplaneConditionCounts,
  CrossplaneConditionStatus,
  CrossplaneConnectionSecret,
  CrossplaneEntityResponse,
  CrossplaneEvent,
  CrossplaneNode,
  CrossplaneNodeRole,
  CrossplaneNodeState,
  CrossplaneNotReadyReason,
  CrossplaneObjectRef,
  CrossplaneReadProblem,
} from './types';
export {
  XRD_OFFER_ANNOTATIONS,
  xrdComposingVersion,
  xrdOffer,
  xrdRequestKind,
} from './xrdOffer';
export type { XrdOffer, XrdOffersResponse } from './xrdOffer';
export {
  compositionDetails,
  findXrd,
  functionsForSteps,
  groupOf,
  providersForGroups,
  revisionInfo,
  xrdInfo,
  yamlFileName,
} from './details';
export type {
  CrossplaneClaimDetails,
  CrossplaneCompositionDetails,
  CrossplaneDetailsResponse,
  CrossplaneEventsResponse,
  CrossplaneFunctionInfo,
  CrossplaneObjectEvents,
  CrossplaneObjectYaml,
  CrossplanePackageCondition,
  CrossplanePanel,
  CrossplanePipelineStep,
  CrossplaneProviderInfo,
  CrossplaneProvidersInfo,
  CrossplaneRevisionInfo,
  CrossplaneXrdInfo,
  CrossplaneXrdVersion,
  CrossplaneYamlResponse,
} from './detailsTypes';
export { claimGraph } from './graph';
export type { CrossplaneGraphEdge, CrossplaneGraphNode } from './graph';

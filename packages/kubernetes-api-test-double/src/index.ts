/**
 * A local, in-memory Kubernetes API server TEST DOUBLE for Paved's portal and
 * tests. It is not a Kubernetes cluster: nothing is scheduled or run.
 */
export {
  startKubernetesApiTestDouble,
  DEFAULT_FIXTURES_DIR,
  DEFAULT_CLUSTER_NAME,
} from './startServer';
export type {
  KubernetesApiTestDouble,
  KubernetesApiTestDoubleOptions,
} from './startServer';
export { loadFixtures } from './fixtures/loadFixtures';
export type { Fixtures } from './fixtures/loadFixtures';
export { fixtureUid } from './fixtures/seedStore';
export {
  FIXTURE_EPOCH,
  fixtureTimeOffsetMs,
  shiftFixtureTimes,
} from './fixtures/fixtureTime';
export { seedSyntheticPods } from './scale';
export type { SyntheticPodsOptions, SyntheticPodsResult } from './scale';
export {
  DEFAULT_TOKENS,
  DEFAULT_ADMIN_TOKEN,
  DEFAULT_VIEWER_TOKEN,
  DEFAULT_RESTRICTED_TOKEN,
  ANONYMOUS_VIEWER,
} from './auth/tokens';
export type { TokenConfig, TokenGrant, AccessRule } from './auth/tokens';
export { ObjectStore } from './store/objectStore';
export { ResourceRegistry } from './resources/registry';
export { resourceTypesFromCrd } from './resources/crd';
export type { ResourceType, Verb, Subresource } from './resources/types';
export type { RecordedRequest } from './http/server';
export type {
  AdmissionHook,
  AdmissionRequest,
  AdmissionResult,
  AdmissionOperation,
  AdmissionUserInfo,
} from './admission/types';
export { KYVERNO_DEFAULT_RESOURCE_FILTERS } from './admission/kyverno/resourceFilters';
export type { FaultOptions } from './http/faults';
export type {
  KubeObject,
  ObjectMeta,
  ManagedFieldsEntry,
  OwnerReference,
} from './types';

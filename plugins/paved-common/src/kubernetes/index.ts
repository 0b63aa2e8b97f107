export type { KubeManifest, KubeObject, KubeObjectMeta } from './types';
export {
  ApiDiscovery,
  KindNotServedError,
  groupVersionPath,
  objectPath,
  preferredVersions,
  servedResource,
  splitApiVersion,
} from './discovery';
export type { DiscoveryGet, ServedKind } from './discovery';

import { RenderedFile } from './types';
import { addonManifestFiles, controlPlaneFiles } from './cluster/platform';
import { BaselineContext, baselineContext } from './cluster/context';
import { ClusterInput } from './cluster/input';
import { namespaceFiles, resourceLimitFiles } from './cluster/namespaces';
import { meshFiles, networkPolicyFiles } from './cluster/networking';
import { rbacFiles } from './cluster/rbac';
import { sampleAppFiles } from './cluster/workloads';
import {
  gatekeeperFiles,
  kyvernoFiles,
  supplyChainFiles,
} from './cluster/policy';
import { clusterIssuerFiles, gatewayFiles } from './cluster/ingress';
import { secretStoreFiles } from './cluster/secrets';
import {
  argoCdFiles,
  fleetApplicationSetFiles,
  fluxFiles,
  teamApplicationSetFiles,
} from './cluster/gitops';
import { backupFiles } from './cluster/dr';
import { dashboardFiles } from './cluster/observability';
import { nodeAutoscalingFiles, vpaFiles } from './cluster/autoscaling';
import { crossplaneFiles } from './cluster/crossplane';
import { packageFiles } from './cluster/packaging';
import { planFiles, readmeFile } from './cluster/docs';
import { tierTenancyFiles } from './tenant/tierTenancyBaseline';

export type { ClusterInput } from './cluster/input';
export { addonContext } from './cluster/input';
export { clusterNamespaces } from './cluster/namespaces';
export { secondaryRegion } from './cluster/dr';
export { helmChart, kustomizeTree } from './cluster/packaging';
export { providerNotes } from './cluster/docs';

/**
 * The baseline's concerns in output order (the order is part of the output:
 * file lists, kustomizations and the README follow it). Each returns its
 * files for the tier and choices, or none; its tier rules live beside it in
 * cluster/<concern>.ts.
 */
const CONCERNS: Array<(b: BaselineContext) => RenderedFile[]> = [
  namespaceFiles,
  resourceLimitFiles,
  networkPolicyFiles,
  rbacFiles,
  // The RuntimeClass and PriorityClasses tenants choose from.
  b => tierTenancyFiles(b.input.tier),
  sampleAppFiles,
  kyvernoFiles,
  gatekeeperFiles,
  clusterIssuerFiles,
  secretStoreFiles,
  gatewayFiles,
  meshFiles,
  argoCdFiles,
  backupFiles,
  teamApplicationSetFiles,
  dashboardFiles,
  fleetApplicationSetFiles,
  controlPlaneFiles,
  nodeAutoscalingFiles,
  vpaFiles,
  supplyChainFiles,
  crossplaneFiles,
  addonManifestFiles,
];

/** Every file of a tier's cluster baseline, in memory; nothing is written here. */
export function renderClusterBaseline(c: ClusterInput): RenderedFile[] {
  const b = baselineContext(c);
  const files = CONCERNS.flatMap(concern => concern(b));
  // Flux stages follow the install plan of everything above.
  files.push(...fluxFiles(b, files));
  const manifests = packageFiles(b, files);
  manifests.push(...planFiles(b));
  manifests.push(readmeFile(b, manifests));
  return manifests;
}

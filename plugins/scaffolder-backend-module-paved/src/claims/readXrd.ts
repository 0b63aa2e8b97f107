import { InputError } from '@backstage/errors';
import {
  xrdComposingVersion,
  xrdRequestKind,
} from '@paved/plugin-paved-common';
import { kubeRequest } from '../apply/kubeClient';
import { ConfiguredCluster } from '../clusters/configuredClusters';

const CROSSPLANE_GROUP = 'apiextensions.crossplane.io';

/** What a claim needs from an XRD. */
export interface ClaimType {
  xrd: string;
  apiVersion: string;
  kind: string;
  /** v1 claims have connection secrets in their own namespace; v2 composites do not. */
  style: 'v1-claim' | 'v2-namespaced';
  /** The version's `openAPIV3Schema`, as the XRD declares it. */
  schema: Record<string, any>;
  defaultComposition?: string;
}

type Request = (path: string) => Promise<{ status: number; body: any }>;

/**
 * Reads an XRD from the cluster with the Kubernetes config's credentials.
 * The XRD's resource path comes from discovery of Crossplane's API group.
 */
export async function readXrd(
  cluster: ConfiguredCluster,
  name: string,
  request: Request = path => kubeRequest(cluster, 'GET', path),
): Promise<ClaimType> {
  const group = await request(`/apis/${CROSSPLANE_GROUP}`);
  if (group.status === 404) {
    throw new InputError(
      `cluster: "${cluster.name}" does not serve ${CROSSPLANE_GROUP}: is Crossplane installed?`,
    );
  }
  if (group.status !== 200) {
    throw new Error(
      `discovery of ${CROSSPLANE_GROUP} on ${cluster.name} failed with HTTP ${group.status}`,
    );
  }
  const versions: string[] = [
    group.body?.preferredVersion?.version,
    ...(group.body?.versions ?? []).map((v: any) => v?.version),
  ].filter((v, i, all) => typeof v === 'string' && all.indexOf(v) === i);
  let path: string | undefined;
  for (const version of versions) {
    const list = await request(`/apis/${CROSSPLANE_GROUP}/${version}`);
    const resource = (list.body?.resources ?? []).find(
      (r: any) =>
        r?.kind === 'CompositeResourceDefinition' &&
        !String(r?.name).includes('/'),
    );
    if (resource) {
      path = `/apis/${CROSSPLANE_GROUP}/${version}/${
        resource.name
      }/${encodeURIComponent(name)}`;
      break;
    }
  }
  if (!path) {
    throw new InputError(
      `cluster: "${cluster.name}" serves no CompositeResourceDefinition kind`,
    );
  }
  const res = await request(path);
  if (res.status === 404) {
    throw new InputError(
      `xrd: "${name}" is not a CompositeResourceDefinition on cluster "${cluster.name}"`,
    );
  }
  if (res.status !== 200) {
    throw new Error(
      `reading XRD ${name} from ${cluster.name} failed with HTTP ${res.status}`,
    );
  }
  return claimTypeOf(res.body);
}

/** The claim kind an XRD offers, or an InputError saying why it offers none. */
export function claimTypeOf(xrd: any): ClaimType {
  const name = String(xrd?.metadata?.name ?? '');
  const spec = xrd?.spec ?? {};
  // The same choices as the request form's offers (paved-common).
  const version = xrdComposingVersion(spec);
  if (!version) throw new InputError(`xrd: "${name}" serves no version`);
  const requested = xrdRequestKind(spec);
  if (!requested) {
    throw new InputError(
      `xrd: "${name}" offers no claim and its composites are not namespaced; a team cannot request it`,
    );
  }
  const schema = version?.schema?.openAPIV3Schema ?? { type: 'object' };
  const defaultComposition = spec.defaultCompositionRef?.name;
  return {
    xrd: name,
    apiVersion: `${spec.group}/${version.name}`,
    kind: requested.kind,
    style: requested.style,
    schema,
    ...(defaultComposition ? { defaultComposition } : {}),
  };
}

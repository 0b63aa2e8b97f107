import { InputError } from '@backstage/errors';
import {
  KindNotServedError,
  ServedKind,
  xrdComposingVersion,
  xrdRequestKind,
} from '@paved/plugin-paved-common';
import {
  answerOf,
  ClusterClient,
  connectCluster,
  responseOf,
} from '../apply/clusterClient';
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

/**
 * Reads an XRD from the cluster with the Kubernetes config's credentials.
 * The XRD's resource path comes from discovery of Crossplane's API group.
 */
export async function readXrd(
  cluster: ConfiguredCluster,
  name: string,
  client?: ClusterClient,
): Promise<ClaimType> {
  const { discovery, readClusterCustomObject } =
    client ?? (await connectCluster(cluster));
  let versions: string[] | undefined;
  try {
    versions = await discovery.versionsOfGroup(CROSSPLANE_GROUP);
  } catch (error) {
    const res = responseOf(error);
    if (!res) throw error;
    throw new Error(
      `discovery of ${CROSSPLANE_GROUP} on ${cluster.name} failed with HTTP ${res.status}`,
    );
  }
  if (!versions) {
    throw new InputError(
      `cluster: "${cluster.name}" does not serve ${CROSSPLANE_GROUP}: is Crossplane installed?`,
    );
  }
  let served: ServedKind | undefined;
  for (const version of versions) {
    try {
      served = await discovery.byApiVersion(
        `${CROSSPLANE_GROUP}/${version}`,
        'CompositeResourceDefinition',
      );
      break;
    } catch (error) {
      // A version that does not serve the kind, or answers an error: try the next.
      if (!(error instanceof KindNotServedError) && !responseOf(error))
        throw error;
    }
  }
  if (!served) {
    throw new InputError(
      `cluster: "${cluster.name}" serves no CompositeResourceDefinition kind`,
    );
  }
  const res = await answerOf(
    readClusterCustomObject({
      group: CROSSPLANE_GROUP,
      version: served.version,
      plural: served.plural,
      name,
    }),
  );
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

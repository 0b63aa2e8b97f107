import { stringify } from 'yaml';
import { costLabels, MANAGED_BY } from '../render/labels';
import { CostLabels, RenderedFile } from '../render/types';
import { ClaimType } from './readXrd';

export interface ClaimRequest {
  name: string;
  namespace: string;
  /** The owning entity, e.g. `group:default/payments-team`. */
  owner: string;
  /** The Component the claim serves; becomes its `backstage.io/kubernetes-id` label. */
  component?: string;
  cost: CostLabels;
  composition?: string;
  spec: Record<string, unknown>;
}

/** The claim (or v2 namespaced composite) manifest, with owner and cost labels. */
export function renderClaim(
  type: ClaimType,
  req: ClaimRequest,
): { object: any; file: RenderedFile } {
  const composition = req.composition ?? type.defaultComposition;
  const object = {
    apiVersion: type.apiVersion,
    kind: type.kind,
    metadata: {
      name: req.name,
      namespace: req.namespace,
      labels: {
        'app.kubernetes.io/managed-by': MANAGED_BY,
        ...costLabels(req.cost),
        ...(req.component
          ? { 'backstage.io/kubernetes-id': req.component }
          : {}),
      },
      annotations: {
        'paved.dev/owner': req.owner,
        'paved.dev/xrd': type.xrd,
      },
    },
    spec:
      type.style === 'v1-claim'
        ? {
            ...req.spec,
            ...(composition ? { compositionRef: { name: composition } } : {}),
            // Connection details land beside the claim, for the team's workloads.
            writeConnectionSecretToRef: { name: `${req.name}-conn` },
          }
        : {
            ...req.spec,
            ...(composition
              ? { crossplane: { compositionRef: { name: composition } } }
              : {}),
          },
  };
  return {
    object,
    file: {
      path: 'claim.yaml',
      content: `# ${
        type.kind
      } requested through Paved's template "Request infrastructure (Crossplane claim)".\n${stringify(
        object,
      )}`,
    },
  };
}

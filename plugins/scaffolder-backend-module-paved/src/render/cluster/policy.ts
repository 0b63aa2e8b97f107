import type { IClusterPolicy } from '@kubernetes-models/kyverno/kyverno.io/v1/ClusterPolicy';
import { kyvernoPolicies } from '@paved/plugin-paved-common';
import { usesGatekeeper, usesKyverno } from '../choices';
import { gatekeeperPolicies } from '../choiceObjects';
import { KubeObject, manifest, RenderedFile } from '../types';
import { manifestFile } from '../yaml';
import type { BaselineContext } from './context';
import { label } from './input';

/** The tier's Kyverno policies, where the policy engine is Kyverno. */
export function kyvernoFiles(b: BaselineContext): RenderedFile[] {
  if (!usesKyverno(b.input.choices)) return [];
  return [
    manifestFile(
      'manifests/policies/kyverno.yaml',
      kyvernoPolicies(b.input.tier, label) as KubeObject[],
      ['policy-engine'],
    ),
  ];
}

/** Gatekeeper constraints over the prod namespaces, where the engine is Gatekeeper. */
export function gatekeeperFiles(b: BaselineContext): RenderedFile[] {
  if (!usesGatekeeper(b.input.choices)) return [];
  const prodNames = new Set([
    ...b.workloadNs.filter(n => n.cost.environment === 'prod').map(n => n.name),
    b.prodNs.name,
  ]);
  return [
    manifestFile(
      'manifests/policies/gatekeeper.yaml',
      gatekeeperPolicies([...prodNames]),
      ['gatekeeper'],
    ),
  ];
}

/** Tier 5: SLSA provenance verified at admission. */
export function supplyChainFiles(b: BaselineContext): RenderedFile[] {
  if (b.input.tier < 5) return [];
  return [
    manifestFile(
      'manifests/policies/supply-chain.yaml',
      [slsaPolicy(b.input.image)],
      ['slsa-admission'],
    ),
  ];
}

/**
 * SLSA provenance at admission for the organisation's own images (the
 * registry and owner of the sample image), not `*`: add-ons' upstream
 * images carry no such attestation. No digest mutation: Argo CD would
 * otherwise fight the webhook over every image field.
 */
function slsaPolicy(image: string): KubeObject {
  const ref = image.split('@')[0];
  const parts = ref.split('/');
  const owner = parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0];
  return manifest<IClusterPolicy>({
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'verify-slsa-provenance', labels: label },
    spec: {
      validationFailureAction: 'Enforce',
      webhookTimeoutSeconds: 30,
      rules: [
        {
          name: 'slsa-provenance',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          exclude: {
            any: [
              {
                resources: {
                  namespaces: ['kube-system', 'kube-public', 'kube-node-lease'],
                },
              },
              {
                resources: {
                  namespaceSelector: {
                    matchLabels: { 'paved.dev/namespace-role': 'platform' },
                  },
                },
              },
            ],
          },
          verifyImages: [
            {
              imageReferences: [`${owner}/*`],
              mutateDigest: false,
              verifyDigest: true,
              attestations: [
                {
                  type: 'https://slsa.dev/provenance/v1',
                  attestors: [
                    {
                      entries: [
                        {
                          keyless: {
                            issuer:
                              'https://token.actions.githubusercontent.com',
                            subject: 'https://github.com/*',
                          },
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  });
}

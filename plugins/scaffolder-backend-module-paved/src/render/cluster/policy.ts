import type { IClusterPolicy } from '@kubernetes-models/kyverno/kyverno.io/v1/ClusterPolicy';
import { kyvernoPolicies } from '@paved/plugin-paved-common';
import { usesGatekeeper, usesKyverno } from '../choices';
import { KubeObject, manifest, RenderedFile } from '../types';
import { manifestFile } from '../yaml';
import type { BaselineContext } from './context';
import { IConstraintTemplate, IGatekeeperConstraint } from './crds';
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

/**
 * OPA Gatekeeper (policy engine gatekeeper or kyverno-and-gatekeeper): the
 * ConstraintTemplate of seed 002 and the constraint Gatekeeper's generated
 * CRD accepts. The constraint syncs after the template (its CRD exists only
 * once Gatekeeper has read the template).
 */
function gatekeeperPolicies(prodNamespaces: string[]): KubeObject[] {
  return [
    manifest<IConstraintTemplate>({
      apiVersion: 'templates.gatekeeper.sh/v1',
      kind: 'ConstraintTemplate',
      metadata: { name: 'k8sresourcelimits', labels: label },
      spec: {
        crd: {
          spec: {
            names: { kind: 'K8sResourceLimits' },
            validation: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  maxCPU: { type: 'string' },
                  maxMemory: { type: 'string' },
                },
              },
            },
          },
        },
        targets: [
          {
            target: 'admission.k8s.gatekeeper.sh',
            rego: [
              'package k8sresourcelimits',
              '',
              'violation[{"msg": msg}] {',
              '  container := input.review.object.spec.containers[_]',
              '  not container.resources.limits.cpu',
              '  msg := sprintf("Container %v must have CPU limits", [container.name])',
              '}',
              '',
              'violation[{"msg": msg}] {',
              '  container := input.review.object.spec.containers[_]',
              '  not container.resources.limits.memory',
              '  msg := sprintf("Container %v must have memory limits", [container.name])',
              '}',
              '',
            ].join('\n'),
          },
        ],
      },
    }),
    manifest<IGatekeeperConstraint>({
      apiVersion: 'constraints.gatekeeper.sh/v1beta1',
      kind: 'K8sResourceLimits',
      metadata: {
        name: 'must-have-limits',
        labels: label,
        annotations: { 'argocd.argoproj.io/sync-wave': '1' },
      },
      spec: {
        enforcementAction: 'deny',
        match: {
          kinds: [{ apiGroups: [''], kinds: ['Pod'] }],
          namespaces: prodNamespaces,
        },
        parameters: { maxCPU: '4', maxMemory: '8Gi' },
      },
    }),
  ];
}

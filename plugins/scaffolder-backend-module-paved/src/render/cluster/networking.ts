import type { IPeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication';
import { networkPolicies } from '../namespaceBaseline';
import { platformAccessPolicies } from '../platform/networkAccess';
import { KubeObject, manifest, RenderedFile } from '../types';
import { manifestFile } from '../yaml';
import type { BaselineContext } from './context';
import {
  ILinkerdAuthorizationPolicy,
  ILinkerdServer,
  IMeshTLSAuthentication,
} from './crds';
import { label } from './input';

/**
 * Default deny per workload namespace (where the tier requires it) with the
 * platform's way in; Cilium policies for the Gateway's pods in a file of
 * their own.
 */
export function networkPolicyFiles(b: BaselineContext): RenderedFile[] {
  if (!b.tier.requiresDefaultDeny) return [];
  const files = [
    manifestFile(
      'manifests/network-policies.yaml',
      b.workloadNs.flatMap(s => [
        ...networkPolicies(s),
        ...platformAccessPolicies(s, b.ctx).filter(
          o => o.kind === 'NetworkPolicy',
        ),
      ]),
      ['network-policy'],
    ),
  ];
  const cilium = b.workloadNs.flatMap(s =>
    platformAccessPolicies(s, b.ctx).filter(o => o.kind !== 'NetworkPolicy'),
  );
  if (cilium.length)
    files.push(
      manifestFile('manifests/network/cilium-gateway-access.yaml', cilium, [
        'network-policy',
      ]),
    );
  return files;
}

/** Mesh choice: strict mTLS (Istio) or the sample app's authorization (Linkerd). */
export function meshFiles(b: BaselineContext): RenderedFile[] {
  const mesh = b.input.choices.mesh;
  if (mesh === 'istio') {
    return [
      manifestFile(
        'manifests/mesh/peer-authentication.yaml',
        [
          manifest<IPeerAuthentication>({
            apiVersion: 'security.istio.io/v1',
            kind: 'PeerAuthentication',
            metadata: {
              name: 'default',
              namespace: 'istio-system',
              labels: label,
            },
            spec: { mtls: { mode: 'STRICT' } },
          }),
        ],
        ['service-mesh'],
      ),
    ];
  }
  if (mesh === 'linkerd') {
    return [
      manifestFile(
        'manifests/mesh/linkerd-policy.yaml',
        linkerdPolicy(b.prodNs.name, 'sample-app'),
        ['service-mesh'],
      ),
    ];
  }
  return [];
}

/**
 * Linkerd (mesh linkerd): the sample app's port as a Server that denies by
 * default, and an AuthorizationPolicy that admits meshed clients of the same
 * namespace through a MeshTLSAuthentication.
 */
function linkerdPolicy(namespace: string, app: string): KubeObject[] {
  return [
    manifest<ILinkerdServer>({
      apiVersion: 'policy.linkerd.io/v1beta3',
      kind: 'Server',
      metadata: { name: `${app}-http`, namespace, labels: label },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': app } },
        port: 'http',
        proxyProtocol: 'HTTP/1',
        accessPolicy: 'deny',
      },
    }),
    manifest<IMeshTLSAuthentication>({
      apiVersion: 'policy.linkerd.io/v1alpha1',
      kind: 'MeshTLSAuthentication',
      metadata: { name: 'same-namespace', namespace, labels: label },
      spec: {
        identities: [
          `*.${namespace}.serviceaccount.identity.linkerd.cluster.local`,
        ],
      },
    }),
    manifest<ILinkerdAuthorizationPolicy>({
      apiVersion: 'policy.linkerd.io/v1alpha1',
      kind: 'AuthorizationPolicy',
      metadata: {
        name: `${app}-http-same-namespace`,
        namespace,
        labels: label,
      },
      spec: {
        targetRef: {
          group: 'policy.linkerd.io',
          kind: 'Server',
          name: `${app}-http`,
        },
        requiredAuthenticationRefs: [
          {
            group: 'policy.linkerd.io',
            kind: 'MeshTLSAuthentication',
            name: 'same-namespace',
          },
        ],
      },
    }),
  ];
}

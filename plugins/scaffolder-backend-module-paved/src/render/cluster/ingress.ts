import type { IClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import type { IGateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import { gatewayClassOf } from '../platform/addons';
import { KubeObject, manifest, RenderedFile } from '../types';
import { manifestFile } from '../yaml';
import { BaselineContext, installs } from './context';
import { label } from './input';

/** Where cert-manager is installed: the Let's Encrypt issuer, solving through the chosen ingress. */
export function clusterIssuerFiles(b: BaselineContext): RenderedFile[] {
  if (!installs(b, 'cert-manager')) return [];
  return [
    manifestFile(
      'manifests/certificates/cluster-issuer.yaml',
      [clusterIssuer(b)],
      ['ingress-tls'],
    ),
  ];
}

function clusterIssuer(b: BaselineContext): KubeObject {
  const c = b.input;
  const solver =
    c.choices.ingress === 'gateway-api'
      ? {
          http01: {
            gatewayHTTPRoute: {
              parentRefs: [
                {
                  name: 'platform-gateway',
                  namespace: 'platform',
                  kind: 'Gateway',
                },
              ],
            },
          },
        }
      : { http01: { ingress: { ingressClassName: 'nginx' } } };
  return manifest<IClusterIssuer>({
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: { name: 'letsencrypt', labels: label },
    spec: {
      acme: {
        server: 'https://acme-v02.api.letsencrypt.org/directory',
        email: `platform@${c.domain}`,
        privateKeySecretRef: { name: `letsencrypt-${b.ctx.cluster}` },
        solvers: [solver],
      },
    },
  });
}

/**
 * Ingress choice gateway-api: the platform Gateway in `platform`, HTTPS for
 * the domain, plain HTTP for ACME; its certificate from tier 2.
 */
export function gatewayFiles(b: BaselineContext): RenderedFile[] {
  const c = b.input;
  if (c.choices.ingress !== 'gateway-api') return [];
  return [
    manifestFile(
      'manifests/gateway/gateway.yaml',
      [
        manifest<IGateway>({
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind: 'Gateway',
          metadata: {
            name: 'platform-gateway',
            namespace: 'platform',
            labels: label,
            ...(c.tier >= 2
              ? {
                  annotations: {
                    'cert-manager.io/cluster-issuer': 'letsencrypt',
                  },
                }
              : {}),
          },
          spec: {
            gatewayClassName: gatewayClassOf(b.ctx),
            listeners: [
              {
                name: 'https',
                protocol: 'HTTPS',
                port: 443,
                hostname: `*.${c.domain}`,
                tls: {
                  mode: 'Terminate',
                  certificateRefs: [
                    { kind: 'Secret', name: 'platform-gateway-tls' },
                  ],
                },
                allowedRoutes: { namespaces: { from: 'All' } },
              },
              // Plain HTTP for the ACME HTTP-01 challenge.
              {
                name: 'http',
                protocol: 'HTTP',
                port: 80,
                hostname: `*.${c.domain}`,
                allowedRoutes: { namespaces: { from: 'All' } },
              },
            ],
          },
        }),
      ],
      ['gateway-api', ...(c.tier >= 2 ? ['ingress-tls'] : [])],
    ),
  ];
}

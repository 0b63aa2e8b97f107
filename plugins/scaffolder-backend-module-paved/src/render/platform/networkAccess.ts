import { NamespaceSpec } from '../namespaceBaseline';
import { KubeObject } from '../types';
import { MANAGED_BY } from '../labels';
import { ADDONS, gatewayClassOf } from './addons';
import { AddonContext } from './addonTypes';

/** A set of platform pods, as a NetworkPolicy peer selects them. */
export type PlatformPeer = {
  namespace: string;
  podLabels: Record<string, string>;
};

const workloadOf = (addonId: string, name: string): PlatformPeer => {
  const addon = ADDONS.find(a => a.id === addonId)!;
  const w = addon.workloads.find(x => x.name === name)!;
  return { namespace: addon.namespace, podLabels: w.podLabels };
};

/**
 * Where requests to a tenant's apps come from: the ingress controller or
 * the Gateway's pods. Cilium's gateway is its node proxy, which Kubernetes
 * NetworkPolicy cannot select, so that case is a CiliumNetworkPolicy.
 */
export function ingressSource(
  ctx: AddonContext,
): PlatformPeer | 'cilium-ingress' {
  if (ctx.choices.ingress === 'nginx-ingress') {
    return workloadOf('ingress-nginx', 'ingress-nginx-controller');
  }
  switch (gatewayClassOf(ctx)) {
    case 'istio':
      // istiod deploys the Gateway's pods in the Gateway's namespace.
      return {
        namespace: 'platform',
        podLabels: {
          'gateway.networking.k8s.io/gateway-name': 'platform-gateway',
        },
      };
    case 'cilium':
      return 'cilium-ingress';
    default:
      return workloadOf('nginx-gateway-fabric', 'nginx-gateway');
  }
}

/** Prometheus, where the tier runs it. */
export function scrapeSource(ctx: AddonContext): PlatformPeer | undefined {
  return ctx.tier >= 2
    ? workloadOf(
        'kube-prometheus-stack',
        'prometheus-kube-prometheus-stack-prometheus',
      )
    : undefined;
}

/** What a meshed pod's proxy must reach: the mesh's control plane. */
export function meshControlPlane(
  ctx: AddonContext,
): Array<PlatformPeer & { port: number }> {
  if (ctx.choices.mesh === 'istio') {
    return [{ ...workloadOf('istiod', 'istiod'), port: 15012 }];
  }
  if (ctx.choices.mesh === 'linkerd') {
    return [
      {
        ...workloadOf('linkerd-control-plane', 'linkerd-destination'),
        port: 8086,
      },
      {
        ...workloadOf('linkerd-control-plane', 'linkerd-identity'),
        port: 8080,
      },
    ];
  }
  return [];
}

const peer = (p: PlatformPeer) => ({
  namespaceSelector: {
    matchLabels: { 'kubernetes.io/metadata.name': p.namespace },
  },
  podSelector: { matchLabels: p.podLabels },
});

/**
 * The platform's way into a default-deny tenant namespace: requests from
 * the ingress controller or Gateway, scrapes from Prometheus, and the mesh
 * proxy's calls to its control plane. Without these the apps behind a route
 * answer 502/503 and their metrics are never collected.
 */
export function platformAccessPolicies(
  ns: NamespaceSpec,
  ctx: AddonContext,
): KubeObject[] {
  const meta = (name: string) => ({
    name,
    namespace: ns.name,
    labels: { 'app.kubernetes.io/managed-by': MANAGED_BY },
  });
  const out: KubeObject[] = [];
  const source = ingressSource(ctx);
  if (source === 'cilium-ingress') {
    out.push({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: meta('allow-from-gateway'),
      spec: { endpointSelector: {}, ingress: [{ fromEntities: ['ingress'] }] },
    });
  } else {
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta('allow-from-ingress'),
      spec: {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [{ from: [peer(source)] }],
      },
    });
  }
  const scraper = scrapeSource(ctx);
  if (scraper) {
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta('allow-prometheus-scrape'),
      spec: {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [{ from: [peer(scraper)] }],
      },
    });
  }
  const mesh = meshControlPlane(ctx);
  if (mesh.length) {
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta('allow-mesh-control-plane'),
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: mesh.map(m => ({
          to: [peer(m)],
          ports: [{ protocol: 'TCP', port: m.port }],
        })),
      },
    });
  }
  return out;
}

import { ADDONS } from '../render/platform/addons';
/**
 * Which component installs the CRDs of an API group, for the message when a
 * kind is not served: "install X first" helps more than "no matches for kind".
 * Covers the groups the cluster baseline and tenant templates emit.
 */
const OWNERS: Array<[RegExp, string]> = [
  [/^argoproj\.io$/, 'Argo CD (the argo-cd Helm chart installs its CRDs)'],
  [
    /^(source|kustomize|helm|notification|image)\.toolkit\.fluxcd\.io$/,
    'Flux (flux install / the flux2 chart)',
  ],
  [/^kyverno\.io$/, 'Kyverno (the kyverno Helm chart)'],
  [/^templates\.gatekeeper\.sh$/, 'OPA Gatekeeper (the gatekeeper Helm chart)'],
  [
    /^constraints\.gatekeeper\.sh$/,
    'OPA Gatekeeper, from the ConstraintTemplate that defines the kind (apply the template first; Gatekeeper creates the constraint CRD once it has compiled it)',
  ],
  [
    /^external-secrets\.io$/,
    'External Secrets Operator (the external-secrets Helm chart)',
  ],
  [/^bitnami\.com$/, 'Sealed Secrets (the sealed-secrets Helm chart)'],
  [
    /^gateway\.networking\.k8s\.io$/,
    'the Gateway API CRDs (standard-install.yaml of kubernetes-sigs/gateway-api)',
  ],
  [
    /^monitoring\.coreos\.com$/,
    'prometheus-operator (kube-prometheus-stack or its prometheus-operator-crds chart)',
  ],
  [/^velero\.io$/, 'Velero (the velero Helm chart)'],
  [/^karpenter\.(sh|k8s\.aws)$/, 'Karpenter (the karpenter Helm chart)'],
  [
    /^(pkg|apiextensions)\.crossplane\.io$/,
    'Crossplane (the crossplane Helm chart)',
  ],
  [
    /\.upbound\.io$/,
    'the Crossplane provider of that group (a pkg.crossplane.io Provider)',
  ],
  [
    /^kubernetes\.crossplane\.io$/,
    'provider-kubernetes (the pkg.crossplane.io Provider provider-kubernetes)',
  ],
  [/^(policy\.)?linkerd\.io$/, 'Linkerd (the linkerd-crds Helm chart)'],
  [/\.istio\.io$/, 'Istio (the istio base Helm chart)'],
  [/^cilium\.io$/, 'Cilium'],
  [
    /^cert-manager\.io$/,
    'cert-manager (the cert-manager Helm chart, crds.enabled)',
  ],
  [
    /^autoscaling\.k8s\.io$/,
    'the Vertical Pod Autoscaler (the vpa Helm chart)',
  ],
];

/** The component that installs a group's CRDs, or a hint for unknown groups. */
export function crdOwnerOf(apiVersion: string): string {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  if (!group) return 'Kubernetes itself (a core kind; check the apiVersion)';
  const hit = OWNERS.find(([pattern]) => pattern.test(group));
  if (hit) return hit[1];
  // Any other group a baseline add-on serves: the catalogue names its chart.
  const addon = ADDONS.find(a => a.serves.some(k => k.group === group));
  if (addon) {
    return addon.source.type === 'helm'
      ? `${addon.title} (the ${addon.source.chart} Helm chart)`
      : `${addon.title} (baseline add-on ${addon.id})`;
  }
  return `the CRD of group ${group}; for a Crossplane claim, the CompositeResourceDefinition that offers it`;
}

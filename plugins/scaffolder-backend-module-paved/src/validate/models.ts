import { validateClaimEnvelope } from './claimEnvelope';
import { KubeObject, RenderedFile } from '../render/types';
import { validateCrdObject } from './crdSchemas';

type ModelClass = {
  apiVersion: string;
  kind: string;
  new (data: unknown): { validate(): void };
};

/**
 * kubernetes-models ships ESM with "import"-only exports. Under CommonJS
 * (the backend, Jest) `require` cannot resolve them, so fall back to a native
 * dynamic import; Jest resolves them through jestResolver.cjs instead.
 */
async function load(id: string): Promise<Record<string, unknown>> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(id);
  } catch {
    return import(id);
  }
}

const MODULES = [
  'kubernetes-models/v1',
  'kubernetes-models/apps/v1',
  'kubernetes-models/autoscaling/v2',
  'kubernetes-models/policy/v1',
  'kubernetes-models/networking.k8s.io/v1',
  'kubernetes-models/rbac.authorization.k8s.io/v1',
  'kubernetes-models/apiextensions.k8s.io/v1',
  'kubernetes-models/scheduling.k8s.io/v1',
  'kubernetes-models/node.k8s.io/v1',
  '@kubernetes-models/argo-cd/argoproj.io/v1alpha1',
  '@kubernetes-models/kyverno/kyverno.io/v1',
  '@kubernetes-models/external-secrets/external-secrets.io/v1',
  '@kubernetes-models/sealed-secrets/bitnami.com/v1alpha1',
  '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1',
  '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
  '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1',
  '@kubernetes-models/karpenter/karpenter.sh/v1',
  '@kubernetes-models/karpenter/karpenter.k8s.aws/v1',
  '@kubernetes-models/istio/security.istio.io/v1',
  '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1',
  '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1',
  '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2',
  '@kubernetes-models/cert-manager/cert-manager.io/v1',
];

let registry: Promise<Map<string, ModelClass>> | undefined;

/** apiVersion/kind → model class, loaded once. */
export function modelRegistry(): Promise<Map<string, ModelClass>> {
  registry ??= (async () => {
    const map = new Map<string, ModelClass>();
    for (const id of MODULES) {
      const mod = await load(id);
      for (const value of Object.values(mod)) {
        const m = value as ModelClass;
        if (typeof value === 'function' && m.apiVersion && m.kind) {
          map.set(`${m.apiVersion}/${m.kind}`, m);
        }
      }
    }
    return map;
  })();
  return registry;
}

export type ValidationProblem = {
  file: string;
  object: string;
  message: string;
};

function ref(o: KubeObject): string {
  const ns = o.metadata?.namespace ? `${o.metadata.namespace}/` : '';
  return `${o.apiVersion} ${o.kind} ${ns}${o.metadata?.name}`;
}

/**
 * Validates one object against its kind's schema (a kubernetes-models class,
 * or a vendored CRD schema checked with ajv); a problem string or undefined.
 */
export async function validateObject(
  o: KubeObject,
): Promise<string | undefined> {
  // CRDs without a kubernetes-models package: their vendored openAPIV3Schema.
  const crd = validateCrdObject(o);
  if (crd !== undefined) return crd || undefined;
  const Model = (await modelRegistry()).get(`${o.apiVersion}/${o.kind}`);
  if (!Model) {
    return `no schema is known for ${o.apiVersion} ${o.kind}; refusing to generate it unvalidated`;
  }
  try {
    new Model(o).validate();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Every problem in every manifest file; empty when all objects validate. */
export async function validateFiles(
  files: RenderedFile[],
): Promise<ValidationProblem[]> {
  const problems: ValidationProblem[] = [];
  for (const f of files) {
    for (const o of f.objects ?? []) {
      const message =
        f.validateAs === 'crossplane-claim'
          ? validateClaimEnvelope(o) || undefined
          : await validateObject(o);
      if (message) problems.push({ file: f.path, object: ref(o), message });
    }
  }
  return problems;
}

import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import constraintTemplate from './crds/gatekeeper-constrainttemplate.json';
import resourceLimitsConstraint from './crds/gatekeeper-k8sresourcelimits.json';
import veleroSchedule from './crds/velero-schedule.json';
import veleroBsl from './crds/velero-backupstoragelocation.json';
import crossplaneProvider from './crds/crossplane-provider.json';
import crossplaneXrd from './crds/crossplane-compositeresourcedefinition.json';
import crossplaneComposition from './crds/crossplane-composition.json';
import crossplaneFunction from './crds/crossplane-function.json';
import crossplaneAwsProviderConfig from './crds/crossplane-aws-providerconfig.json';
import crossplaneKubernetesProviderConfig from './crds/crossplane-kubernetes-providerconfig.json';
import crossplaneDeploymentRuntimeConfig from './crds/crossplane-deploymentruntimeconfig.json';
import linkerdServer from './crds/linkerd-server.json';
import linkerdAuthorizationPolicy from './crds/linkerd-authorizationpolicy.json';
import linkerdMeshTls from './crds/linkerd-meshtlsauthentication.json';
import vpa from './crds/vpa-verticalpodautoscaler.json';
import ciliumNetworkPolicy from './crds/cilium-ciliumnetworkpolicy.json';
import trustManagerBundle from './crds/trust-manager-bundle.json';
import hncHierarchicalResourceQuota from './crds/hnc-hierarchicalresourcequota.json';
import hncHierarchyConfiguration from './crds/hnc-hierarchyconfiguration.json';

/** One vendored CRD version: see crds/README.md for where each comes from. */
export type VendoredCrd = {
  group: string;
  version: string;
  kind: string;
  scope: 'Cluster' | 'Namespaced';
  openAPIV3Schema: Record<string, unknown>;
};

export const VENDORED_CRDS = [
  constraintTemplate,
  resourceLimitsConstraint,
  veleroSchedule,
  veleroBsl,
  crossplaneProvider,
  crossplaneXrd,
  crossplaneComposition,
  crossplaneFunction,
  crossplaneAwsProviderConfig,
  crossplaneKubernetesProviderConfig,
  crossplaneDeploymentRuntimeConfig,
  linkerdServer,
  linkerdAuthorizationPolicy,
  linkerdMeshTls,
  vpa,
  ciliumNetworkPolicy,
  trustManagerBundle,
  hncHierarchicalResourceQuota,
  hncHierarchyConfiguration,
] as VendoredCrd[];

/**
 * The API server prunes unknown fields of a structural schema; with
 * `fieldValidation=Strict` (kubectl's default) it refuses them. Do the same:
 * every object schema that lists properties and does not preserve unknown
 * fields gets `additionalProperties: false`, so a misspelt field is refused.
 */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'default' || k === 'enum') out[k] = v;
    else if (k === 'properties') {
      out[k] = Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([p, s]) => [
          p,
          strict(s),
        ]),
      );
    } else out[k] = strict(v);
  }
  if (
    out.properties &&
    out.additionalProperties === undefined &&
    out['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    out.additionalProperties = false;
  }
  return out;
}

/** The root metadata is ObjectMeta, which CRD schemas leave open: check what the kind needs. */
function withMeta(
  schema: Record<string, unknown>,
  scope: VendoredCrd['scope'],
  apiVersion: string,
  kind: string,
) {
  const props = schema.properties as Record<string, Record<string, unknown>>;
  const meta = props.metadata ?? { type: 'object' };
  const metaProps = (meta.properties as Record<string, unknown>) ?? {};
  return {
    ...schema,
    required: [
      'apiVersion',
      'kind',
      'metadata',
      ...((schema.required as string[]) ?? []),
    ],
    properties: {
      ...props,
      apiVersion: { type: 'string', const: apiVersion },
      kind: { type: 'string', const: kind },
      metadata: {
        ...meta,
        required: scope === 'Namespaced' ? ['name', 'namespace'] : ['name'],
        properties: {
          ...metaProps,
          name: {
            type: 'string',
            maxLength: 253,
            pattern:
              '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
            ...(metaProps.name as object),
          },
          namespace: {
            type: 'string',
            maxLength: 63,
            pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
          },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          annotations: {
            type: 'object',
            additionalProperties: { type: 'string' },
          },
        },
        additionalProperties: true,
      },
    },
  };
}

let compiled: Map<string, ValidateFunction> | undefined;

/** apiVersion/kind → ajv validator for each vendored CRD, compiled once. */
export function crdValidators(): Map<string, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addFormat('int64', { type: 'number', validate: Number.isSafeInteger });
  ajv.addFormat('int32', {
    type: 'number',
    validate: n => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
  });
  ajv.addFormat('byte', /^[A-Za-z0-9+/]*={0,2}$/);
  const map = new Map<string, ValidateFunction>();
  for (const crd of VENDORED_CRDS) {
    const apiVersion = `${crd.group}/${crd.version}`;
    const schema = withMeta(
      strict(crd.openAPIV3Schema) as Record<string, unknown>,
      crd.scope,
      apiVersion,
      crd.kind,
    );
    map.set(`${apiVersion}/${crd.kind}`, ajv.compile(schema));
  }
  compiled = map;
  return map;
}

function describe(e: ErrorObject): string {
  const at = e.instancePath
    .split('/')
    .slice(1)
    .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let field = at
    .map(p => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
  let message = e.message ?? 'is invalid';
  if (e.keyword === 'additionalProperties') {
    const extra = (e.params as { additionalProperty: string })
      .additionalProperty;
    field = field ? `${field}.${extra}` : extra;
    message = 'is not a field of this kind';
  } else if (e.keyword === 'required') {
    const missing = (e.params as { missingProperty: string }).missingProperty;
    field = field ? `${field}.${missing}` : missing;
    message = 'is required';
  } else if (e.keyword === 'enum') {
    message = `must be one of ${(
      e.params as { allowedValues: unknown[] }
    ).allowedValues.join(', ')}`;
  }
  return `${field || '(object)'}: ${message}`;
}

/**
 * Validates an object of a vendored CRD kind: undefined when the kind is not
 * vendored, '' when it is valid, otherwise every problem as `field: rule`.
 */
export function validateCrdObject(o: {
  apiVersion: string;
  kind: string;
}): string | undefined {
  const validate = crdValidators().get(`${o.apiVersion}/${o.kind}`);
  if (!validate) return undefined;
  if (validate(o)) return '';
  // oneOf/anyOf add a summary error after the branch errors; keep the useful ones.
  const errors = (validate.errors ?? []).filter(
    e => e.keyword !== 'oneOf' && e.keyword !== 'anyOf',
  );
  return [
    ...new Set((errors.length ? errors : validate.errors ?? []).map(describe)),
  ].join('; ');
}

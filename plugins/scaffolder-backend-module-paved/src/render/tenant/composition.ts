import {
  TENANT_PRIORITY_CLASSES,
  tierShipsTenantPriorityClasses,
  TierNumber,
} from '@paved/plugin-paved-common';
import { renderTenant, TenantInput } from '../tenant';
import { KubeObject } from '../types';
import {
  KUBERNETES_PROVIDER_CONFIG,
  TENANT_CLAIM_API_VERSION,
  TENANT_XR_KIND,
  TENANT_XRD_NAME,
} from './claim';

/**
 * The Tenant Composition's go-template, generated from `renderTenant`: the
 * tenant is rendered once per variant the claim can choose (PriorityClass,
 * guardrails on or off) with placeholder tokens for every value, and each
 * object becomes a provider-kubernetes Object whose manifest is the
 * rendered JSON with the tokens turned into template expressions. Objects
 * that differ between variants get an if/else chain.
 */

/** Placeholder → the template expression that stands for it. */
export const TEMPLATE_TOKENS: Record<string, string> = {
  zqtenantzq: '$tenant',
  zqenvzq: '$env',
  zqteamzq: '$s.team',
  zqprojectzq: '$s.project',
  zqcostcenterzq: '$s.costCenter',
  zqquotacpuzq: '$s.quota.cpu',
  zqquotamemoryzq: '$s.quota.memory',
  zqquotapodszq: '$s.quota.pods',
  zqcpurequestzq: '$s.defaults.cpuRequest',
  zqcpulimitzq: '$s.defaults.cpuLimit',
  zqmemoryrequestzq: '$s.defaults.memoryRequest',
  zqmemorylimitzq: '$s.defaults.memoryLimit',
  zqadminzq: '$s.groups.admin',
  zqdeveloperzq: '$s.groups.developer',
};

type Variant = { priorityClass: string; guardrails: boolean };

/** The placeholder tenant of one variant, as the manifests delivery takes it. */
export function placeholderTenant(tier: TierNumber, v: Variant): TenantInput {
  return {
    name: 'zqtenantzq',
    team: 'zqteamzq',
    project: 'zqprojectzq',
    costCenter: 'zqcostcenterzq',
    tier,
    environments: ['zqenvzq'],
    quota: {
      cpu: 'zqquotacpuzq',
      memory: 'zqquotamemoryzq',
      pods: 'zqquotapodszq' as unknown as number,
      // Optional parts of the quota, turned into an if and a range below.
      storage: 'zqquotastoragezq',
      objects: { zqobjectzq: 'zqcountzq' } as any,
    },
    defaults: {
      cpuRequest: 'zqcpurequestzq',
      cpuLimit: 'zqcpulimitzq',
      memoryRequest: 'zqmemoryrequestzq',
      memoryLimit: 'zqmemorylimitzq',
    },
    groups: { admin: 'zqadminzq', developer: 'zqdeveloperzq' },
    gitops: 'none',
    ...(v.priorityClass ? { priorityClass: v.priorityClass } : {}),
    guardrails: v.guardrails,
  };
}

/** Every variant the claim's schema allows on this tier. */
export function claimVariants(tier: TierNumber): Variant[] {
  const classes = tierShipsTenantPriorityClasses(tier)
    ? ['', ...TENANT_PRIORITY_CLASSES.map(c => c.name)]
    : [''];
  return classes.flatMap(priorityClass => [
    { priorityClass, guardrails: true },
    { priorityClass, guardrails: false },
  ]);
}

/** The objects the manifests delivery renders for a tenant: what is composed. */
export const composedObjects = (t: TenantInput): KubeObject[] =>
  renderTenant(t)
    .filter(f => f.path.startsWith('manifests/'))
    .flatMap(f => f.objects ?? []);

const keyOf = (o: KubeObject) =>
  `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** Template delimiters inside manifests (Kyverno's) print as themselves. */
const escapeDelimiters = (s: string) =>
  s.replace(/\{\{|\}\}/g, m => `{{ "${m}" }}`);

/** The quota's optional storage and object counts, as the claim gives them. */
const OPTIONAL_QUOTA: Array<[string, string]> = [
  [
    ',"requests.storage":"zqquotastoragezq"',
    '{{ if $s.quota.storage }},"requests.storage":"{{ $s.quota.storage }}"{{ end }}',
  ],
  [
    ',"count/zqobjectzq":"zqcountzq"',
    '{{ range $k, $v := $s.quota.objects }},"count/{{ $k }}":"{{ $v }}"{{ end }}',
  ],
];

const withExpressions = (text: string) =>
  OPTIONAL_QUOTA.reduce(
    (out, [from, to]) => out.split(from).join(to),
    text,
  ).replace(/zq[a-z]+zq/g, token => {
    const expr = TEMPLATE_TOKENS[token];
    if (!expr) throw new Error(`unknown template token ${token}`);
    return `{{ ${expr} }}`;
  });

/** One composed resource: the object wrapped in a provider-kubernetes Object. */
function objectDocument(o: KubeObject): string {
  const name = withExpressions(
    `zqenvzq-${o.kind.toLowerCase()}-${o.metadata.name}`,
  );
  const manifest = withExpressions(escapeDelimiters(JSON.stringify(o)));
  return [
    '---',
    'apiVersion: kubernetes.crossplane.io/v1alpha2',
    'kind: Object',
    'metadata:',
    '  annotations:',
    `    gotemplating.fn.crossplane.io/composition-resource-name: ${name}`,
    'spec:',
    '  providerConfigRef:',
    `    name: ${KUBERNETES_PROVIDER_CONFIG}`,
    '  forProvider:',
    `    manifest: ${manifest}`,
  ].join('\n');
}

const condition = (v: Variant) =>
  `(and (eq $pc ${JSON.stringify(v.priorityClass)}) ${
    v.guardrails ? '$guard' : '(not $guard)'
  })`;

/** The go-template of the Composition for a tier's tenants. */
export function tenantCompositionTemplate(tier: TierNumber): string {
  const variants = claimVariants(tier);
  const rendered = variants.map(v => {
    const objects = composedObjects(placeholderTenant(tier, v));
    return new Map(objects.map(o => [keyOf(o), objectDocument(o)]));
  });
  const keys: string[] = [];
  for (const r of rendered)
    for (const k of r.keys()) if (!keys.includes(k)) keys.push(k);
  const body = keys.map(k => {
    const docs = rendered.map(r => r.get(k));
    if (docs.every(d => d !== undefined && d === docs[0])) return docs[0]!;
    const distinct = [...new Set(docs.filter((d): d is string => !!d))];
    return [
      ...distinct.map((d, i) => {
        const when = variants
          .filter((_, j) => docs[j] === d)
          .map(condition)
          .join(' ');
        return `{{- ${i === 0 ? 'if' : 'else if'} or ${when} }}\n${d}`;
      }),
      '{{- end }}',
    ].join('\n');
  });
  return [
    '{{- $s := .observed.composite.resource.spec }}',
    '{{- $tenant := $s.tenant }}',
    '{{- $pc := $s.priorityClass | default "" }}',
    '{{- $guard := $s.guardrails }}',
    '{{- range $env := $s.environments }}',
    ...body,
    '{{- end }}',
    '',
  ].join('\n');
}

/** The Composition functions the pipeline runs, as Crossplane packages. */
export const COMPOSITION_FUNCTIONS = {
  goTemplating:
    'xpkg.upbound.io/crossplane-contrib/function-go-templating:v0.7.0',
  autoReady: 'xpkg.upbound.io/crossplane-contrib/function-auto-ready:v0.3.0',
};
const fnName = (pkg: string) => pkg.split('/').pop()!.split(':')[0];

/** The Functions and the Composition behind the Tenant XRD. */
export function tenantCompositionObjects(
  tier: TierNumber,
  labels: Record<string, string>,
): KubeObject[] {
  const functions = Object.values(COMPOSITION_FUNCTIONS).map(pkg => ({
    apiVersion: 'pkg.crossplane.io/v1',
    kind: 'Function',
    metadata: { name: fnName(pkg), labels },
    spec: { package: pkg },
  }));
  return [
    ...functions,
    {
      apiVersion: 'apiextensions.crossplane.io/v1',
      kind: 'Composition',
      metadata: { name: TENANT_XRD_NAME, labels },
      spec: {
        compositeTypeRef: {
          apiVersion: TENANT_CLAIM_API_VERSION,
          kind: TENANT_XR_KIND,
        },
        mode: 'Pipeline',
        pipeline: [
          {
            step: 'render-tenant',
            functionRef: { name: fnName(COMPOSITION_FUNCTIONS.goTemplating) },
            input: {
              apiVersion: 'gotemplating.fn.crossplane.io/v1beta1',
              kind: 'GoTemplate',
              source: 'Inline',
              inline: { template: tenantCompositionTemplate(tier) },
            },
          },
          {
            step: 'ready',
            functionRef: { name: fnName(COMPOSITION_FUNCTIONS.autoReady) },
          },
        ],
      },
    },
  ];
}

/** For the README: how many objects one environment composes. */
export const composedKinds = (tier: TierNumber): string[] =>
  [
    ...new Set(
      composedObjects(
        placeholderTenant(tier, { priorityClass: '', guardrails: true }),
      ).map(o => o.kind),
    ),
  ].sort();

/** Every object type the Composition can compose on a tier, over all variants. */
export function composedTypes(
  tier: TierNumber,
): Array<{ apiVersion: string; kind: string }> {
  const seen = new Map<string, { apiVersion: string; kind: string }>();
  for (const v of claimVariants(tier)) {
    for (const o of composedObjects(placeholderTenant(tier, v))) {
      seen.set(`${o.apiVersion} ${o.kind}`, {
        apiVersion: o.apiVersion,
        kind: o.kind,
      });
    }
  }
  return [...seen.values()];
}

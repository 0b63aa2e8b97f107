import { TIER_NUMBERS } from '@paved/plugin-paved-common';
import { TenantInput } from '../tenant';
import { renderClusterBaseline } from '../cluster';
import { tierChoiceDefaults } from '../choices';
import { clusterInput } from '../../__testUtils__/clusterInputs';
import { KubeObject } from '../types';
import { validateFiles, validateObject } from '../../validate/models';
import {
  CROSSPLANE_TIERS,
  TENANT_CLAIM_NAMESPACE,
  tenantXrd,
} from './claim';
import { claimSpecOf, renderTenantClaim } from './claimDelivery';
import { compose } from '../../__testUtils__/goTemplate';
import {
  claimVariants,
  composedObjects,
  tenantCompositionObjects,
  tenantCompositionTemplate,
} from './composition';

/*
 * The Tenant claim and its Composition. The Composition's go-template is
 * evaluated for a claim (see __testUtils__/goTemplate.ts) and what it
 * composes is compared object by object with what the manifests delivery
 * renders for the same tenant.
 */

const key = (o: KubeObject) =>
  `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const byKey = (os: KubeObject[]) =>
  [...os].sort((a, b) => key(a).localeCompare(key(b)));

const tenant = (extra: Partial<TenantInput> = {}): TenantInput => ({
  name: 'acme',
  team: 'acme-team',
  project: 'shop',
  costCenter: 'cc-1',
  tier: 5,
  environments: ['dev', 'staging', 'prod'],
  quota: { cpu: '4', memory: '8Gi', pods: 20 },
  defaults: {
    cpuRequest: '100m',
    cpuLimit: '500m',
    memoryRequest: '128Mi',
    memoryLimit: '256Mi',
  },
  groups: { admin: 'acme-admins', developer: 'acme-developers' },
  gitops: 'none',
  ...extra,
});

describe('the Tenant claim', () => {
  const template = tenantCompositionTemplate(5);

  it('is shipped where Crossplane is: tier 5', () => {
    expect(CROSSPLANE_TIERS).toEqual([5]);
  });

  it.each(claimVariants(5))(
    'composes what the manifests delivery renders for variant %p',
    v => {
      const t = tenant({
        ...(v.priorityClass ? { priorityClass: v.priorityClass } : {}),
        guardrails: v.guardrails,
      });
      const composed = compose(template, claimSpecOf(t));
      const manifests = composedObjects(t);
      expect(composed.length).toBe(manifests.length);
      expect(byKey(composed)).toEqual(byKey(manifests));
      // The guardrail Policy is there exactly when the claim asks for it.
      expect(composed.some(o => o.kind === 'Policy')).toBe(v.guardrails);
    },
  );

  it.each<[string, Partial<TenantInput['quota']>]>([
    [
      'storage and object counts',
      { storage: '50Gi', objects: { services: 20, secrets: 50 } },
    ],
    ['storage only', { storage: '10Gi' }],
    ['object counts only', { objects: { persistentvolumeclaims: 5 } }],
  ])('composes the quota with %s', (_what, extra) => {
    const t = tenant({
      quota: { cpu: '2', memory: '4Gi', pods: 10, ...extra },
    });
    const composed = compose(template, claimSpecOf(t));
    expect(byKey(composed)).toEqual(byKey(composedObjects(t)));
    const quota = composed.find(o => o.metadata.name === 'tenant-quota')!;
    expect(Object.keys((quota.spec as any).hard)).toEqual(
      expect.arrayContaining(
        Object.keys(extra.objects ?? {}).map(k => `count/${k}`),
      ),
    );
  });

  it('composes Kyverno expressions as they are, not as template actions', () => {
    const composed = compose(template, claimSpecOf(tenant()));
    const policy = composed.find(o => o.kind === 'Policy')!;
    expect(JSON.stringify(policy)).toContain(
      '{{ request.object.metadata.labels.\\"app.kubernetes.io/managed-by\\" || \'\' }}',
    );
  });

  it('writes one valid claim, the catalog entity and a README', async () => {
    const files = renderTenantClaim(
      tenant({ priorityClass: 'paved-tenant-low' }),
    );
    expect(files.map(f => f.path)).toEqual([
      'manifests/tenant-claim.yaml',
      'catalog-info.yaml',
      'PLATFORM.md',
      'README.md',
    ]);
    expect(await validateFiles(files)).toEqual([]);
    const [claim] = files[0].objects!;
    expect(claim).toMatchObject({
      apiVersion: 'platform.paved.dev/v1alpha1',
      kind: 'Tenant',
      metadata: {
        name: 'acme',
        namespace: TENANT_CLAIM_NAMESPACE,
        labels: { 'paved.dev/tenant': 'acme' },
      },
      spec: {
        tenant: 'acme',
        environments: ['dev', 'staging', 'prod'],
        priorityClass: 'paved-tenant-low',
        guardrails: true,
      },
    });
  });

  it('the XRD validates, and its schema takes the claim spec', async () => {
    const xrd = tenantXrd({});
    expect(await validateObject(xrd)).toBeUndefined();
    const schema = (xrd.spec as any).versions[0].schema.openAPIV3Schema
      .properties.spec;
    const spec = claimSpecOf(tenant());
    for (const field of schema.required) expect(spec).toHaveProperty(field);
    for (const field of Object.keys(spec))
      expect(Object.keys(schema.properties)).toContain(field);
  });

  it('the Composition runs the template through function-go-templating', () => {
    const objects = tenantCompositionObjects(5, {});
    expect(objects.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Function/function-go-templating',
      'Function/function-auto-ready',
      'Composition/xtenants.platform.paved.dev',
    ]);
    const composition = objects[2] as any;
    expect(composition.spec.mode).toBe('Pipeline');
    expect(composition.spec.pipeline[0].input.inline.template).toBe(template);
  });

  it.each(TIER_NUMBERS)(
    'the tier %i baseline ships the Tenant XRD and its namespace only with Crossplane',
    tier => {
      const objects = renderClusterBaseline(
        clusterInput(tier, tierChoiceDefaults(tier)),
      ).flatMap(f => f.objects ?? []);
      const shipped = CROSSPLANE_TIERS.includes(tier);
      expect(
        objects.some(
          o =>
            o.kind === 'CompositeResourceDefinition' &&
            o.metadata.name === 'xtenants.platform.paved.dev',
        ),
      ).toBe(shipped);
      expect(
        objects.some(
          o =>
            o.kind === 'Namespace' &&
            o.metadata.name === TENANT_CLAIM_NAMESPACE,
        ),
      ).toBe(shipped);
    },
  );
});

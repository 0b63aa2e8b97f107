import { xrdOffer } from './xrdOffer';

const parametersSchema = {
  type: 'object',
  description: 'How big a database.',
  required: ['size', 'storageGB'],
  properties: {
    size: { type: 'string', enum: ['small', 'medium', 'large'] },
    storageGB: { type: 'integer', minimum: 20, maximum: 1000 },
  },
};

/** A Crossplane v1 XRD offering a claim, as `kubectl get xrd -o json` shows it. */
const v1ClaimXrd = () => ({
  apiVersion: 'apiextensions.crossplane.io/v1',
  kind: 'CompositeResourceDefinition',
  metadata: {
    name: 'xpostgresqlinstances.platform.paved.dev',
    annotations: {
      'paved.dev/description': 'A PostgreSQL database (Amazon RDS).',
    },
  },
  spec: {
    group: 'platform.paved.dev',
    names: { kind: 'XPostgreSQLInstance', plural: 'xpostgresqlinstances' },
    claimNames: { kind: 'PostgreSQLInstance', plural: 'postgresqlinstances' },
    defaultCompositionRef: { name: 'xpostgresqlinstances-aws' },
    versions: [
      {
        name: 'v1alpha1',
        served: true,
        referenceable: false,
        schema: { openAPIV3Schema: { type: 'object' } },
      },
      {
        name: 'v1beta1',
        served: true,
        referenceable: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['parameters'],
                properties: { parameters: parametersSchema },
              },
            },
          },
        },
      },
    ],
  },
  status: {
    conditions: [
      { type: 'Established', status: 'True', reason: 'WatchingComposite' },
      { type: 'Offered', status: 'True', reason: 'WatchingClaim' },
    ],
  },
});

/** A Crossplane v2 XRD with namespaced composites and no `parameters` wrapper. */
const v2NamespacedXrd = () => ({
  apiVersion: 'apiextensions.crossplane.io/v2',
  kind: 'CompositeResourceDefinition',
  metadata: {
    name: 'appbuckets.storage.paved.dev',
    annotations: { 'paved.dev/title': 'App bucket' },
  },
  spec: {
    group: 'storage.paved.dev',
    scope: 'Namespaced',
    names: { kind: 'AppBucket', plural: 'appbuckets' },
    versions: [
      {
        name: 'v1alpha1',
        served: true,
        referenceable: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                description: 'An S3 bucket for one app.',
                properties: {
                  region: { type: 'string', enum: ['eu-west-1', 'us-east-1'] },
                },
              },
            },
          },
        },
      },
    ],
  },
  status: {
    conditions: [{ type: 'Established', status: 'False', reason: 'Pending' }],
  },
});

describe('xrdOffer', () => {
  it('offers a v1 XRD claim with its referenceable version and the parameters schema as declared', () => {
    const xrd = v1ClaimXrd();
    const offer = xrdOffer(xrd);
    expect(offer).toEqual({
      name: 'xpostgresqlinstances.platform.paved.dev',
      title: 'xpostgresqlinstances.platform.paved.dev',
      description: 'A PostgreSQL database (Amazon RDS).',
      group: 'platform.paved.dev',
      version: 'v1beta1',
      apiVersion: 'platform.paved.dev/v1beta1',
      kind: 'PostgreSQLInstance',
      style: 'v1-claim',
      established: true,
      defaultComposition: 'xpostgresqlinstances-aws',
      parameters: parametersSchema,
      parametersWrapped: true,
    });
    // Not rewritten: the same object the XRD declares.
    expect(offer!.parameters).toBe(
      xrd.spec.versions[1].schema.openAPIV3Schema.properties!.spec.properties
        .parameters,
    );
  });

  it('falls back to the parameters schema description and the first served version', () => {
    const xrd: any = v1ClaimXrd();
    delete xrd.metadata.annotations;
    xrd.spec.versions[0].served = false;
    xrd.spec.versions[1].referenceable = false;
    xrd.status = {};
    expect(xrdOffer(xrd)).toMatchObject({
      description: 'How big a database.',
      version: 'v1beta1',
      established: false,
    });
  });

  it('offers a v2 namespaced XRD: the composite kind, spec as the schema, unwrapped', () => {
    expect(xrdOffer(v2NamespacedXrd())).toEqual({
      name: 'appbuckets.storage.paved.dev',
      title: 'App bucket',
      description: 'An S3 bucket for one app.',
      group: 'storage.paved.dev',
      version: 'v1alpha1',
      apiVersion: 'storage.paved.dev/v1alpha1',
      kind: 'AppBucket',
      style: 'v2-namespaced',
      established: false,
      parameters: {
        type: 'object',
        description: 'An S3 bucket for one app.',
        properties: {
          region: { type: 'string', enum: ['eu-west-1', 'us-east-1'] },
        },
      },
      parametersWrapped: false,
    });
  });

  it('offers nothing for a cluster-scoped v2 XRD without claims', () => {
    const xrd: any = v2NamespacedXrd();
    xrd.spec.scope = 'Cluster';
    expect(xrdOffer(xrd)).toBeUndefined();
    // The API server writes the default scope; an unset one is not guessed.
    delete xrd.spec.scope;
    expect(xrdOffer(xrd)).toBeUndefined();
  });

  it('offers nothing when no version is served', () => {
    const xrd: any = v1ClaimXrd();
    for (const v of xrd.spec.versions) v.served = false;
    expect(xrdOffer(xrd)).toBeUndefined();
    xrd.spec.versions = [];
    expect(xrdOffer(xrd)).toBeUndefined();
  });

  it('offers nothing for what is not an XRD', () => {
    expect(xrdOffer(undefined)).toBeUndefined();
    expect(xrdOffer('xrd')).toBeUndefined();
    expect(xrdOffer({ metadata: { name: 'x' } })).toBeUndefined();
  });

  it('gives an open object schema when the version declares none', () => {
    const xrd: any = v1ClaimXrd();
    xrd.spec.versions = [{ name: 'v1', served: true, referenceable: true }];
    expect(xrdOffer(xrd)).toMatchObject({
      parameters: { type: 'object' },
      parametersWrapped: false,
    });
  });
});

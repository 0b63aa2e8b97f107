import {
  compositionDetails,
  findXrd,
  functionsForSteps,
  packageCondition,
  providersForGroups,
  revisionInfo,
  xrdInfo,
  yamlFileName,
} from './details';

const cond = (type: string, status: string, extra: object = {}) => ({
  type,
  status,
  ...extra,
});

const xrd = {
  metadata: { name: 'xdbs.example.org' },
  spec: {
    group: 'example.org',
    names: { kind: 'XDb', plural: 'xdbs' },
    claimNames: { kind: 'Db', plural: 'dbs' },
    defaultCompositionRef: { name: 'xdbs-aws' },
    versions: [
      {
        name: 'v1alpha1',
        served: true,
        referenceable: false,
        schema: {
          openAPIV3Schema: {
            properties: {
              spec: { properties: { parameters: {}, region: {} } },
            },
          },
        },
      },
      { name: 'v1beta1', served: false, referenceable: true },
    ],
  },
  status: { conditions: [cond('Established', 'True'), cond('Offered', 'x')] },
};

describe('XRD panel', () => {
  it('finds the XRD by composite or claim kind in its group', () => {
    const other = { spec: { group: 'other.org', names: { kind: 'XDb' } } };
    expect(findXrd([other, xrd], 'example.org', 'XDb')).toBe(xrd);
    expect(findXrd([other, xrd], 'example.org', 'Db')).toBe(xrd);
    expect(findXrd([other, xrd], 'example.org', 'XBucket')).toBeUndefined();
  });

  it('lists versions, served/referenceable and the spec fields', () => {
    expect(xrdInfo(xrd)).toEqual({
      name: 'xdbs.example.org',
      group: 'example.org',
      kind: 'XDb',
      claimKind: 'Db',
      defaultComposition: 'xdbs-aws',
      established: { status: 'True' },
      // A status Kubernetes does not define is Unknown, not guessed.
      offered: { status: 'Unknown' },
      versions: [
        {
          name: 'v1alpha1',
          served: true,
          referenceable: false,
          specProperties: ['parameters', 'region'],
        },
        {
          name: 'v1beta1',
          served: false,
          referenceable: true,
          specProperties: [],
        },
      ],
    });
  });
});

describe('Composition panel', () => {
  it('reads a pipeline with its steps and functions', () => {
    const out = compositionDetails({
      metadata: { name: 'xdbs-aws' },
      spec: {
        compositeTypeRef: { apiVersion: 'example.org/v1', kind: 'XDb' },
        mode: 'Pipeline',
        pipeline: [
          { step: 'compose', functionRef: { name: 'fn-pt' } },
          { functionRef: { name: 'fn-ready' } },
        ],
      },
    });
    expect(out).toEqual({
      name: 'xdbs-aws',
      mode: 'Pipeline',
      compositeType: 'XDb (example.org/v1)',
      steps: [
        { step: 'compose', functionRef: 'fn-pt' },
        { step: 'step 2', functionRef: 'fn-ready' },
      ],
      resources: [],
    });
  });

  it('reads a Composition without mode as Resources mode', () => {
    const out = compositionDetails({
      metadata: { name: 'old' },
      spec: { resources: [{ name: 'bucket' }, {}] },
    });
    expect(out.mode).toBe('Resources');
    expect(out.resources).toEqual(['bucket', 'resource 2']);
    expect(out.steps).toEqual([]);
  });

  it('names the revision and the newest of its siblings', () => {
    const rev = (name: string, n: unknown) => ({
      metadata: { name },
      spec: { revision: n, mode: 'Pipeline' },
    });
    expect(
      revisionInfo(rev('a-1', 1), [
        rev('a-1', 1),
        rev('a-3', 3),
        rev('x', 'no'),
      ]),
    ).toEqual({
      name: 'a-1',
      revision: 1,
      mode: 'Pipeline',
      latestRevision: 3,
    });
    expect(revisionInfo({ metadata: { name: 'b' }, spec: {} })).toEqual({
      name: 'b',
    });
  });
});

describe('providers and functions', () => {
  const provider = (name: string, current: string, healthy: string) => ({
    metadata: { name },
    spec: { package: `xpkg/${name}:v1` },
    status: {
      currentRevision: current,
      conditions: [
        cond('Installed', 'True'),
        cond('Healthy', healthy, { reason: 'R', message: 'why' }),
      ],
    },
  });
  const revision = (
    name: string,
    owner: string,
    n: number,
    crds: string[],
    byLabel = true,
  ) => ({
    metadata: {
      name,
      ...(byLabel
        ? { labels: { 'pkg.crossplane.io/package': owner } }
        : { ownerReferences: [{ kind: 'Provider', name: owner }] }),
    },
    spec: { revision: n, desiredState: 'Active' },
    status: {
      objectRefs: crds.map(crd => ({
        kind: 'CustomResourceDefinition',
        name: crd,
      })),
    },
  });

  it('matches managed groups to the current revision that owns their CRDs', () => {
    const out = providersForGroups(
      ['s3.aws.io', 'rds.aws.io', 'rds.aws.io', 'ghost.io', ''],
      [
        provider('p-s3', 'p-s3-1', 'True'),
        provider('p-rds', 'p-rds-2', 'False'),
        provider('p-unused', 'p-unused-1', 'True'),
      ],
      [
        revision('p-s3-1', 'p-s3', 1, ['buckets.s3.aws.io']),
        // The old revision owned ghost.io; only the current one counts.
        revision('p-rds-1', 'p-rds', 1, ['things.ghost.io']),
        revision('p-rds-2', 'p-rds', 2, ['instances.rds.aws.io'], false),
        revision('p-unused-1', 'p-unused', 1, ['x.unused.io']),
      ],
    );
    // Unhealthy first.
    expect(out.providers.map(p => [p.name, p.revision, p.groups])).toEqual([
      ['p-rds', 2, ['rds.aws.io']],
      ['p-s3', 1, ['s3.aws.io']],
    ]);
    expect(out.providers[0]).toMatchObject({
      package: 'xpkg/p-rds:v1',
      installed: { status: 'True' },
      healthy: { status: 'False', reason: 'R', message: 'why' },
      currentRevision: 'p-rds-2',
    });
    expect(out.unmatchedGroups).toEqual(['ghost.io']);
  });

  it('lists each Function once, with the steps that call it, missing ones found: false', () => {
    const fn = {
      metadata: { name: 'fn-pt' },
      spec: { package: 'xpkg/fn-pt:v1' },
      status: {
        currentRevision: 'fn-pt-1',
        conditions: [cond('Installed', 'True'), cond('Healthy', 'True')],
      },
    };
    expect(
      functionsForSteps(
        [
          { step: 'a', functionRef: 'fn-pt' },
          { step: 'b', functionRef: 'fn-gone' },
          { step: 'c', functionRef: 'fn-pt' },
          { step: 'd', functionRef: '' },
        ],
        [fn],
      ),
    ).toEqual([
      {
        name: 'fn-pt',
        found: true,
        package: 'xpkg/fn-pt:v1',
        installed: { status: 'True' },
        healthy: { status: 'True' },
        currentRevision: 'fn-pt-1',
        steps: ['a', 'c'],
      },
      {
        name: 'fn-gone',
        found: false,
        installed: { status: 'Absent' },
        healthy: { status: 'Absent' },
        steps: ['b'],
      },
    ]);
  });

  it('reads a condition that is not there as Absent', () => {
    expect(packageCondition(undefined, 'Healthy')).toEqual({
      status: 'Absent',
    });
  });
});

describe('yamlFileName', () => {
  it('is <kind>-<name>.yaml, safe for a file system', () => {
    expect(yamlFileName({ kind: 'Instance', name: 'ledger-db-rds' })).toBe(
      'instance-ledger-db-rds.yaml',
    );
    expect(yamlFileName({ kind: 'X/Y', name: '../etc passwd' })).toBe(
      'x-y-..-etc-passwd.yaml',
    );
  });
});

import { atomicListsOf, compareFields } from './compare';
import { formatPath } from './path';

/** A small deterministic generator: the same seed, the same objects. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const KEYS = ['a', 'b', 'spec', 'labels', 'app.kubernetes.io/name', 'x-y'];

function randomValue(r: () => number, depth: number): unknown {
  const pick = r();
  if (depth <= 0 || pick < 0.35) {
    const leaf = r();
    if (leaf < 0.3) return Math.floor(r() * 100);
    if (leaf < 0.5) return r() < 0.5;
    return `v${Math.floor(r() * 1000)}`;
  }
  if (pick < 0.55) {
    return Array.from({ length: 1 + Math.floor(r() * 3) }, () =>
      randomValue(r, depth - 1),
    );
  }
  const o: Record<string, unknown> = {};
  for (const k of KEYS) if (r() < 0.5) o[k] = randomValue(r, depth - 1);
  return Object.keys(o).length ? o : { a: 1 };
}

/** The live object: the desired one plus what servers and controllers add. */
function withAdditions(v: unknown, r: () => number): unknown {
  if (Array.isArray(v)) return v.map(i => withAdditions(i, r));
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = withAdditions(x, r);
    if (r() < 0.5) o.defaulted = 'server';
    return o;
  }
  return v;
}

/** Every leaf path of a value, as compareFields names them. */
function leaves(
  v: unknown,
  path: (string | number)[] = [],
): (string | number)[][] {
  if (v && typeof v === 'object' && !Array.isArray(v))
    return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  return [path];
}

function setAt(v: any, path: (string | number)[], value: unknown) {
  let node = v;
  for (const s of path.slice(0, -1)) node = node[s];
  node[path[path.length - 1]] = value;
}

describe('compareFields', () => {
  it('finds nothing when the live object only adds fields (200 random objects)', () => {
    const r = rng(7);
    for (let i = 0; i < 200; i++) {
      const desired = { spec: randomValue(r, 4) };
      const live = withAdditions(structuredClone(desired), r);
      expect(compareFields(desired, live)).toEqual([]);
    }
  });

  it('names exactly the leaf that changed, with both values (200 random objects)', () => {
    const r = rng(11);
    for (let i = 0; i < 200; i++) {
      const desired = { spec: randomValue(r, 4) };
      const live: any = withAdditions(structuredClone(desired), r);
      const all = leaves(desired);
      const path = all[Math.floor(r() * all.length)];
      let before: any = desired;
      for (const s of path) before = before[s];
      setAt(live, path, 'changed-by-hand');
      const diff = compareFields(desired, live);
      expect(diff).toEqual([
        { path, desired: before, live: 'changed-by-hand' },
      ]);
    }
  });

  it('compares quantities by value, as the API server writes them back', () => {
    expect(
      compareFields(
        { hard: { cpu: '1000m', memory: '1024Mi' } },
        { hard: { cpu: '1', memory: '1Gi' } },
      ),
    ).toEqual([]);
    expect(
      compareFields({ hard: { cpu: '2' } }, { hard: { cpu: '3' } }),
    ).toEqual([{ path: ['hard', 'cpu'], desired: '2', live: '3' }]);
  });

  it('takes lists without names whole, like server-side apply', () => {
    const desired = { subjects: [{ kind: 'Group', name: 'a' }] };
    const live = {
      subjects: [
        { kind: 'Group', name: 'a', apiGroup: 'rbac.authorization.k8s.io' },
        { kind: 'User', name: 'mallory' },
      ],
    };
    // Items with names are matched by name: the extra item is the drift.
    expect(compareFields(desired, live)).toEqual([
      { path: ['subjects', { name: 'mallory' }], live: live.subjects[1] },
    ]);
    const rules = { rules: [{ verbs: ['get'] }] };
    expect(
      compareFields(rules, { rules: [{ verbs: ['get', 'delete'] }] }),
    ).toEqual([
      {
        path: ['rules'],
        desired: rules.rules,
        live: [{ verbs: ['get', 'delete'] }],
      },
    ]);
    expect(
      compareFields(rules, { rules: [{ verbs: ['get'], extra: true }] }),
    ).toEqual([]);
  });

  it('matches named items by name, whatever their order', () => {
    const desired = {
      containers: [
        { name: 'app', image: 'a:1' },
        { name: 'side', image: 's:1' },
      ],
    };
    const live = {
      containers: [
        { name: 'side', image: 's:1', imagePullPolicy: 'IfNotPresent' },
        { name: 'app', image: 'a:2' },
      ],
    };
    const diff = compareFields(desired, live);
    expect(diff.map(d => formatPath(d.path))).toEqual([
      'containers[name=app].image',
    ]);
  });

  it('reports a field the cluster lacks without a live value', () => {
    expect(
      compareFields({ metadata: { labels: { team: 'a' } } }, { metadata: {} }),
    ).toEqual([{ path: ['metadata', 'labels'], desired: { team: 'a' } }]);
  });
});

describe('formatPath', () => {
  it('brackets keys with dots and slashes', () => {
    expect(formatPath(['metadata', 'labels', 'app.kubernetes.io/name'])).toBe(
      'metadata.labels["app.kubernetes.io/name"]',
    );
    expect(formatPath(['spec', 'hard', 'requests.cpu'])).toBe(
      'spec.hard["requests.cpu"]',
    );
    expect(formatPath(['subjects', 1])).toBe('subjects[1]');
  });
});

describe('compareFields with atomic lists', () => {
  const binding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    subjects: [{ kind: 'Group', name: 'a' }],
    roleRef: { kind: 'ClusterRole', name: 'edit' },
  };
  const handMade = { kind: 'User', name: 'mallory' };
  const liveBinding = {
    ...binding,
    subjects: [
      { kind: 'Group', name: 'a', apiGroup: 'rbac.authorization.k8s.io' },
      handMade,
    ],
  };
  const atomic = {
    atomicList: atomicListsOf(binding.apiVersion, binding.kind),
  };

  it("takes a RoleBinding's subjects whole, as applying the binding replaces them", () => {
    expect(compareFields(binding, liveBinding, atomic)).toEqual([
      {
        path: ['subjects'],
        desired: binding.subjects,
        live: liveBinding.subjects,
      },
    ]);
    // Fields the server adds to an item are not a difference.
    expect(
      compareFields(
        binding,
        { ...liveBinding, subjects: [liveBinding.subjects[0]] },
        atomic,
      ),
    ).toEqual([]);
    // Without the option, as drift reads it: the extra item, by name.
    expect(compareFields(binding, liveBinding)).toEqual([
      { path: ['subjects', { name: 'mallory' }], live: handMade },
    ]);
  });

  it('takes a list inside an atomic list whole too', () => {
    const desired = {
      spec: { rules: [{ name: 'r', match: [{ name: 'x' }] }] },
    };
    const live = {
      spec: { rules: [{ name: 'r', match: [{ name: 'x' }, { name: 'y' }] }] },
    };
    expect(compareFields(desired, live, { atomicList: () => true })).toEqual([
      {
        path: ['spec', 'rules'],
        desired: desired.spec.rules,
        live: live.spec.rules,
      },
    ]);
  });

  it('knows the atomic lists of the kinds Paved writes', () => {
    const rb = atomicListsOf('rbac.authorization.k8s.io/v1', 'RoleBinding');
    expect(rb(['subjects'])).toBe(true);
    expect(rb(['metadata', 'subjects'])).toBe(false);
    expect(
      atomicListsOf(
        'rbac.authorization.k8s.io/v1',
        'ClusterRoleBinding',
      )(['subjects']),
    ).toBe(true);
    const sa = atomicListsOf('v1', 'ServiceAccount');
    expect(sa(['imagePullSecrets'])).toBe(true);
    expect(sa(['secrets'])).toBe(false);
    // Lists Kubernetes merges by name stay matched by name.
    const deployment = atomicListsOf('apps/v1', 'Deployment');
    expect(deployment(['spec', 'template', 'spec', 'containers'])).toBe(false);
    // A CRD's lists are atomic unless its schema says otherwise: Kyverno
    // rules, Alertmanager receivers, Argo CD project roles.
    for (const [apiVersion, kind, path] of [
      ['kyverno.io/v1', 'Policy', ['spec', 'rules']],
      [
        'monitoring.coreos.com/v1alpha1',
        'AlertmanagerConfig',
        ['spec', 'receivers'],
      ],
      ['argoproj.io/v1alpha1', 'AppProject', ['spec', 'roles']],
      ['hnc.x-k8s.io/v1alpha2', 'HierarchicalResourceQuota', ['spec', 'x']],
    ] as const) {
      expect(atomicListsOf(apiVersion, kind)([...path])).toBe(true);
    }
  });

  it('still matches named items by name where the list is not atomic', () => {
    const desired = { spec: { containers: [{ name: 'app', image: 'a:1' }] } };
    const live = {
      spec: {
        containers: [
          { name: 'app', image: 'a:2' },
          { name: 'sidecar', image: 's:1' },
        ],
      },
    };
    expect(
      compareFields(desired, live, {
        atomicList: atomicListsOf('v1', 'Pod'),
      }).map(d => formatPath(d.path)),
    ).toEqual([
      'spec.containers[name=app].image',
      'spec.containers[name=sidecar]',
    ]);
  });
});

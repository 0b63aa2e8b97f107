import { fixtureObjects, ofKind } from '../health/fixtures.testutil';
import { KubeObject } from '../health/types';
import { TIER_NUMBERS } from '../tiers';
import {
  isProductionNamespace,
  parseImageReference,
  selectorMatches,
} from './checks';
import {
  ConformanceOptions,
  createConformanceAccumulator,
  evaluateConformance,
} from './conformance';
import { CONFORMANCE_RULES, ConformanceRuleId } from './rules';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const named = (kind: string, name: string): KubeObject =>
  clone(ofKind(kind).find(o => o.metadata?.name === name)!);

const ruleOf = (
  id: ConformanceRuleId,
  objects: KubeObject[],
  options: ConformanceOptions,
) => evaluateConformance(objects, options).rules.find(r => r.id === id)!;

/** The payments namespace as the fixtures have it, under another name. */
function productionCopy(objects: KubeObject[], to = 'payments-prod') {
  return objects.map(o => {
    const c = clone(o);
    if (c.kind === 'Namespace') c.metadata!.name = to;
    else c.metadata!.namespace = to;
    return c;
  });
}

const paymentsObjects = () =>
  fixtureObjects().filter(
    o =>
      o.metadata?.namespace === 'payments' ||
      (o.kind === 'Namespace' && o.metadata?.name === 'payments'),
  );

describe('conformance rule catalogue', () => {
  it('gives every rule a stable id, a title, an explanation and a starting tier', () => {
    const ids = CONFORMANCE_RULES.map(r => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of CONFORMANCE_RULES) {
      expect(rule.title).toBeTruthy();
      expect(rule.why.length).toBeGreaterThan(80);
      expect(TIER_NUMBERS).toContain(rule.fromTier);
    }
  });

  it('starts rules at the tiers the tier definitions imply', () => {
    const from = Object.fromEntries(
      CONFORMANCE_RULES.map(r => [r.id, r.fromTier]),
    );
    expect(from).toEqual({
      'resources-requests-limits': 1,
      'image-tag-pinned': 1,
      'pod-security-labels': 1,
      'run-as-non-root': 2,
      'read-only-root-filesystem': 2,
      'drop-all-capabilities': 2,
      'health-probes': 2,
      'namespace-resource-quota': 2,
      'namespace-limit-range': 2,
      'namespace-default-deny': 2,
      'namespace-cost-labels': 2,
      'production-pdb': 2,
      'production-image-digest': 3,
    });
  });

  it('reports rules above the tier as not applying, without checks', () => {
    const summary = evaluateConformance(fixtureObjects(), { tier: 1 });
    const quota = summary.rules.find(r => r.id === 'namespace-resource-quota')!;
    expect(quota).toMatchObject({ applies: false, checks: 0, score: null });
    expect(quota.failures).toEqual([]);
  });
});

describe('conformance of the fixture cluster', () => {
  it('checks every non-system namespace, skipping an empty default', () => {
    const summary = evaluateConformance(fixtureObjects(), { tier: 3 });
    expect(summary.namespaces).toEqual([
      'checkout',
      'ledger-dev',
      'monitoring',
      'opencost',
      'payments',
    ]);
    expect(summary).toMatchObject({
      tier: 3,
      tierTitle: 'Enterprise',
      podSecurityLevel: 'restricted',
    });
    expect(summary.score).toBeCloseTo(summary.passed / summary.checks, 3);
    expect(summary.failed).toBe(summary.checks - summary.passed);
    // Overall score is the sum over rules, not the mean of rule scores.
    expect(summary.checks).toBe(
      summary.rules.reduce((n, r) => n + r.checks, 0),
    );
  });

  it('checks a workload once, through its template, not again through its pods', () => {
    const rule = ruleOf('resources-requests-limits', fixtureObjects(), {
      tier: 1,
      namespaces: ['checkout'],
    });
    expect(rule.failures.map(f => f.object)).toEqual([
      {
        kind: 'Deployment',
        namespace: 'checkout',
        name: 'checkout-web',
        container: 'checkout-web',
      },
    ]);
    expect(rule.checks).toBe(1);
  });

  it('checks Job pods directly, since no listed workload covers them', () => {
    const rule = ruleOf('resources-requests-limits', fixtureObjects(), {
      tier: 1,
      namespaces: ['payments'],
    });
    expect(rule.failures.map(f => f.object.name)).toEqual([
      'ledger-migrate-v42-9fjt5',
      'ledger-reconcile-29920560-x7k2p',
    ]);
    expect(rule.failures[0].message).toBe('no limits.cpu');
  });

  it('reports namespaces missing by name when a tenant asks for them', () => {
    const summary = evaluateConformance(fixtureObjects(), {
      tier: 2,
      namespaces: ['payments', 'payments-staging'],
    });
    expect(summary.namespaces).toEqual(['payments']);
    expect(summary.missingNamespaces).toEqual(['payments-staging']);
  });

  it('ignores objects outside the scope and in kube-* namespaces', () => {
    const summary = evaluateConformance(fixtureObjects(), { tier: 5 });
    for (const rule of summary.rules) {
      for (const f of rule.failures) {
        expect(f.object.namespace ?? f.object.name).not.toMatch(/^kube-/);
      }
    }
  });

  it('caps the failures listed per rule and counts the rest', () => {
    const rule = ruleOf('read-only-root-filesystem', fixtureObjects(), {
      tier: 2,
      maxFailuresPerRule: 2,
    });
    expect(rule.failures).toHaveLength(2);
    expect(rule.failed).toBe(2 + rule.omittedFailures!);
  });

  it('gives the same answer whatever order objects arrive in, workloads before pods', () => {
    const objects = fixtureObjects();
    const acc = createConformanceAccumulator({ tier: 4 });
    const workloads = objects.filter(o =>
      ['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind ?? ''),
    );
    const rest = objects.filter(o => !workloads.includes(o));
    [...workloads].reverse().forEach(o => acc.add(o));
    [...rest].reverse().forEach(o => acc.add(o));
    expect(acc.result()).toEqual(evaluateConformance(objects, { tier: 4 }));
  });
});

describe('container rules', () => {
  const checkoutWeb = () => named('Deployment', 'checkout-web');
  const scope = { namespaces: ['checkout'] };
  const container = (d: KubeObject) => d.spec.template.spec.containers[0];

  it('resources-requests-limits: passes with all four, fails naming the missing ones', () => {
    const d = checkoutWeb();
    expect(
      ruleOf('resources-requests-limits', [d], { tier: 1, ...scope })
        .failures[0].message,
    ).toBe('no limits.cpu');
    container(d).resources.limits.cpu = '500m';
    expect(
      ruleOf('resources-requests-limits', [d], { tier: 1, ...scope }),
    ).toMatchObject({ checks: 1, passed: 1, score: 1 });
    delete container(d).resources;
    expect(
      ruleOf('resources-requests-limits', [d], { tier: 1, ...scope })
        .failures[0].message,
    ).toBe('no requests.cpu, requests.memory, limits.cpu, limits.memory');
  });

  it('image-tag-pinned: a fixed tag or a digest passes; latest or no tag fails', () => {
    const d = checkoutWeb();
    const run = () => ruleOf('image-tag-pinned', [d], { tier: 1, ...scope });
    expect(run()).toMatchObject({ passed: 1, failed: 0 });
    container(d).image = 'registry.example.com:5000/storefront/checkout-web';
    expect(run().failures[0].message).toMatch(/has no tag, so it runs latest/);
    container(d).image = 'ghcr.io/acme/checkout-web:latest';
    expect(run().failures[0].message).toMatch(/uses the latest tag/);
    container(d).image = `ghcr.io/acme/checkout-web:latest@sha256:${'a'.repeat(
      64,
    )}`;
    expect(run().failed).toBe(0);
  });

  it('run-as-non-root: the pod context counts, the container context overrides it', () => {
    const d = checkoutWeb();
    const run = () => ruleOf('run-as-non-root', [d], { tier: 2, ...scope });
    expect(run().failed).toBe(0);
    const spec = d.spec.template.spec;
    delete spec.securityContext?.runAsNonRoot;
    delete container(d).securityContext?.runAsNonRoot;
    expect(run().failures[0].message).toBe('runAsNonRoot is not true');
    container(d).securityContext = { runAsNonRoot: true, runAsUser: 0 };
    expect(run().failures[0].message).toBe('runs as UID 0');
    container(d).securityContext = { runAsNonRoot: true, privileged: true };
    expect(run().failures[0].message).toBe('runs privileged');
    container(d).securityContext = { runAsNonRoot: true, runAsUser: 10001 };
    expect(run().failed).toBe(0);
  });

  it('read-only-root-filesystem: the fixtures StatefulSet fails until it sets it', () => {
    const sts = named('StatefulSet', 'ledger-worker');
    const run = () =>
      ruleOf('read-only-root-filesystem', [sts], {
        tier: 2,
        namespaces: ['payments'],
      });
    expect(run().failures[0]).toMatchObject({
      id: 'read-only-root-filesystem:StatefulSet:payments:ledger-worker:ledger-worker',
      object: { kind: 'StatefulSet', name: 'ledger-worker' },
    });
    sts.spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem =
      true;
    expect(run()).toMatchObject({ failed: 0, score: 1 });
  });

  it('drop-all-capabilities: payments-api drops ALL; checkout-web does not', () => {
    expect(
      ruleOf('drop-all-capabilities', [named('Deployment', 'payments-api')], {
        tier: 2,
        namespaces: ['payments'],
      }),
    ).toMatchObject({ checks: 1, passed: 1 });
    expect(
      ruleOf('drop-all-capabilities', [checkoutWeb()], { tier: 2, ...scope })
        .failures[0].message,
    ).toBe('capabilities.drop does not include ALL');
  });

  it('health-probes: needs liveness and readiness on long-running containers only', () => {
    const d = checkoutWeb();
    const run = () => ruleOf('health-probes', [d], { tier: 2, ...scope });
    expect(run()).toMatchObject({ checks: 1, failed: 0 });
    delete container(d).livenessProbe;
    expect(run().failures[0].message).toBe('no livenessProbe');
    // A Job's pod runs to completion: probes do not apply to it.
    const job = ofKind('Pod').find(p =>
      p.metadata?.name?.startsWith('ledger-migrate'),
    )!;
    expect(
      ruleOf('health-probes', [job], { tier: 2, namespaces: ['payments'] })
        .checks,
    ).toBe(0);
  });

  it('production-image-digest: counts only in production namespaces, from tier 3', () => {
    const objects = productionCopy(paymentsObjects());
    const rule = ruleOf('production-image-digest', objects, { tier: 3 });
    expect(rule.checks).toBeGreaterThan(0);
    expect(rule.failures[0].message).toMatch(
      /is not referenced by sha256 digest/,
    );
    const pinned = objects.map(o => {
      for (const c of o.spec?.template?.spec?.containers ??
        o.spec?.containers ??
        []) {
        c.image = `${
          parseImageReference(c.image).repository
        }@sha256:${'b'.repeat(64)}`;
      }
      return o;
    });
    expect(
      ruleOf('production-image-digest', pinned, { tier: 3 }),
    ).toMatchObject({
      failed: 0,
      score: 1,
    });
    // Not production: nothing to check. Tier 2: not required.
    expect(
      ruleOf('production-image-digest', paymentsObjects(), { tier: 3 }).checks,
    ).toBe(0);
    expect(
      ruleOf('production-image-digest', objects, { tier: 2 }).applies,
    ).toBe(false);
  });
});

describe('namespace rules', () => {
  const ns = (name: string) => named('Namespace', name);

  it('pod-security-labels: enforce and warn at least at the tier level', () => {
    const objects = [ns('payments'), ns('checkout'), ns('monitoring')];
    const t1 = ruleOf('pod-security-labels', objects, { tier: 1 });
    expect(t1.failures.map(f => f.object.name)).toEqual(['monitoring']);
    const t2 = ruleOf('pod-security-labels', objects, { tier: 2 });
    expect(t2.failures.map(f => [f.object.name, f.message])).toEqual([
      [
        'checkout',
        'pod-security.kubernetes.io/enforce is baseline, needs restricted',
      ],
      [
        'monitoring',
        'pod-security.kubernetes.io/enforce is privileged, needs restricted; no pod-security.kubernetes.io/warn label (needs restricted)',
      ],
    ]);
    expect(t2).toMatchObject({ checks: 3, passed: 1 });
  });

  it('namespace-resource-quota and namespace-limit-range: payments has both, monitoring neither', () => {
    for (const id of [
      'namespace-resource-quota',
      'namespace-limit-range',
    ] as const) {
      const rule = ruleOf(id, fixtureObjects(), {
        tier: 2,
        namespaces: ['payments', 'monitoring'],
      });
      expect(rule).toMatchObject({ checks: 2, passed: 1, score: 0.5 });
      expect(rule.failures.map(f => f.object)).toEqual([
        { kind: 'Namespace', name: 'monitoring' },
      ]);
    }
  });

  it('namespace-default-deny: needs both directions denied for every pod', () => {
    const deny = named('NetworkPolicy', 'default-deny-all');
    const objects = (policies: KubeObject[]) => [ns('payments'), ...policies];
    const run = (policies: KubeObject[]) =>
      ruleOf('namespace-default-deny', objects(policies), {
        tier: 2,
        namespaces: ['payments'],
      });
    expect(run([deny])).toMatchObject({ passed: 1 });
    // allow-dns selects every pod but allows egress: not a deny.
    expect(run([named('NetworkPolicy', 'allow-dns')]).failures[0].message).toBe(
      'no NetworkPolicy selecting every pod denies ingress and egress by default',
    );
    const ingressOnly = clone(deny);
    ingressOnly.spec.policyTypes = ['Ingress'];
    expect(run([ingressOnly]).failures[0].message).toMatch(/denies egress by/);
    const egressOnly = clone(deny);
    egressOnly.spec.policyTypes = ['Egress'];
    expect(run([ingressOnly, egressOnly]).failed).toBe(0);
    const scoped = clone(deny);
    scoped.spec.podSelector = { matchLabels: { app: 'x' } };
    expect(run([scoped]).failed).toBe(1);
  });
});

describe('production-pdb', () => {
  it('passes the fixtures ledger-worker in production, which its PDB selects', () => {
    const rule = ruleOf('production-pdb', productionCopy(paymentsObjects()), {
      tier: 2,
    });
    expect(rule.checks).toBeGreaterThan(0);
    expect(rule.failures.map(f => f.object.name)).not.toContain(
      'ledger-worker',
    );
  });

  it('fails a multi-replica production workload without a PDB', () => {
    const objects = productionCopy(paymentsObjects()).filter(
      o => o.kind !== 'PodDisruptionBudget',
    );
    const rule = ruleOf('production-pdb', objects, { tier: 2 });
    expect(rule.failed).toBe(rule.checks);
    expect(rule.failures[0].message).toMatch(
      /replicas in production namespace payments-prod, and no PodDisruptionBudget selects its pods/,
    );
  });

  it('does not check outside production', () => {
    expect(
      ruleOf('production-pdb', paymentsObjects(), { tier: 2 }).checks,
    ).toBe(0);
  });
});

describe('helpers', () => {
  it('tells production namespaces by name or label', () => {
    expect(isProductionNamespace('payments-prod')).toBe(true);
    expect(isProductionNamespace('production')).toBe(true);
    expect(isProductionNamespace('prod-eu')).toBe(true);
    expect(isProductionNamespace('products')).toBe(false);
    expect(
      isProductionNamespace('payments', { environment: 'Production' }),
    ).toBe(true);
    expect(isProductionNamespace('payments', { environment: 'staging' })).toBe(
      false,
    );
  });

  it('parses image references with registry ports', () => {
    expect(parseImageReference('localhost:5000/app')).toEqual({
      repository: 'localhost:5000/app',
    });
    expect(parseImageReference('nginx:1.27@sha256:abc')).toEqual({
      repository: 'nginx',
      tag: '1.27',
      digest: 'sha256:abc',
    });
  });

  it('matches label selectors with expressions', () => {
    const labels = { app: 'a', tier: 'web' };
    expect(selectorMatches({ matchLabels: { app: 'a' } }, labels)).toBe(true);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }] },
        labels,
      ),
    ).toBe(false);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }] },
        labels,
      ),
    ).toBe(true);
  });
});

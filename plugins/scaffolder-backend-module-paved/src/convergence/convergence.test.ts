/*
 * Convergence: each tier's baseline (default choices, and every other value
 * of each choice at the highest tier that allows it) rendered, brought up
 * on a simulated empty cluster in install-plan order through Paved's apply
 * path, and then judged: no step fails, the live objects score 1 on the
 * tier's conformance rules, and every Pod is Running.
 */
import { evaluateConformance, TierNumber } from '@paved/plugin-paved-common';
import {
  CHOICE_FIELDS,
  CLUSTER_CHOICES,
  ClusterChoices,
  combinationProblems,
  tierChoiceDefaults,
} from '../render/choices';
import { addonContext, renderClusterBaseline } from '../render/cluster';
import { addonsFor } from '../render/platform/addons';
import { clusterInput } from '../__testUtils__/clusterInputs';
import { converge, ConvergenceError } from './__testUtils__/converge';
import {
  allObjects,
  api,
  Double,
  messageOf,
  runWorkloads,
  serverSideApply,
  startEmptyCluster,
} from './__testUtils__/simulateCluster';

jest.setTimeout(60_000);

const TIERS: TierNumber[] = [1, 2, 3, 4, 5];

type Case = { name: string; tier: TierNumber; choices: ClusterChoices };

/** Tier defaults, then each non-default value of each choice at the highest tier that allows it. */
function cases(): Case[] {
  const out: Case[] = TIERS.map(tier => ({
    name: `tier ${tier}, default choices`,
    tier,
    choices: tierChoiceDefaults(tier),
  }));
  for (const field of CHOICE_FIELDS) {
    for (const value of CLUSTER_CHOICES[field]) {
      const tier = [...TIERS].reverse().find(t => {
        const d = tierChoiceDefaults(t);
        return (
          d[field] !== value &&
          combinationProblems(t, { ...d, [field]: value }).length === 0
        );
      });
      if (tier === undefined) continue;
      out.push({
        name: `tier ${tier}, ${field} ${value}`,
        tier,
        choices: { ...tierChoiceDefaults(tier), [field]: value },
      });
    }
  }
  return out;
}

async function convergeAndJudge(c: Case): Promise<void> {
  const input = clusterInput(c.tier, c.choices);
  const ctx = addonContext(input);
  const files = renderClusterBaseline(input);
  let double: Double | undefined;
  try {
    const result = await converge(files, addonsFor(ctx), ctx);
    double = result.double;
    const objects = allObjects(double);
    const summary = evaluateConformance(objects as any, { tier: c.tier });
    const failing = summary.rules
      .filter(r => r.applies && r.failed > 0)
      .map(
        r =>
          `${r.id}: ${r.failures
            .slice(0, 5)
            .map(f => `${f.id}: ${f.message}`)
            .join(' | ')}`,
      );
    expect({ score: summary.score, failing }).toEqual({
      score: 1,
      failing: [],
    });
    const notRunning = objects
      .filter(o => o.kind === 'Pod' && o.status?.phase !== 'Running')
      .map(
        o =>
          `${o.metadata.namespace}/${o.metadata.name}: ${
            o.status?.phase ?? 'no status'
          }`,
      );
    expect(notRunning).toEqual([]);
    expect(
      result.steps.some(s => s.type === 'workloads' && s.pods.length > 0),
    ).toBe(true);
  } finally {
    await double?.close();
  }
}

describe('a rendered baseline converges on an empty cluster', () => {
  it.each(cases().map(c => [c.name, c] as const))('%s', async (_name, c) => {
    // convergeAndJudge asserts the score, the Pods and the steps.
    expect.hasAssertions();
    await convergeAndJudge(c);
  });
});

describe('the simulation', () => {
  it('creates Pods through the API, so admission judges them and a refusal names the workload', async () => {
    const double = await startEmptyCluster();
    try {
      await serverSideApply(
        double,
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: 'strict',
            labels: { 'pod-security.kubernetes.io/enforce': 'restricted' },
          },
        },
        'test',
      );
      await serverSideApply(
        double,
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'rooty', namespace: 'strict' },
          spec: {
            selector: { matchLabels: { app: 'rooty' } },
            template: {
              metadata: { labels: { app: 'rooty' } },
              spec: {
                containers: [
                  {
                    name: 'c',
                    image: 'busybox',
                    securityContext: { privileged: true },
                  },
                ],
              },
            },
          },
        },
        'test',
      );
      await expect(runWorkloads(double)).rejects.toThrow(
        /Deployment strict\/rooty: Pod strict\/rooty-\w+-\w+ of Deployment rooty refused: 403 Forbidden: .*restricted/,
      );
      // CoreDNS came with the cluster and already has its Pods.
      expect(
        double.requests.filter(
          r =>
            r.method === 'POST' &&
            r.path.includes('/namespaces/kube-system/pods'),
        ),
      ).toEqual([]);
    } finally {
      await double.close();
    }
  });

  it("enforces the baseline's Gatekeeper constraint and its Kyverno policies on what others deploy", async () => {
    const input = clusterInput(3, {
      ...tierChoiceDefaults(3),
      policyEngine: 'kyverno-and-gatekeeper',
    });
    const ctx = addonContext(input);
    const { double } = await converge(
      renderClusterBaseline(input),
      addonsFor(ctx),
      ctx,
    );
    try {
      const pod = (name: string, namespace: string, resources: object) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace },
        spec: {
          securityContext: {
            runAsNonRoot: true,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: 'app',
              image: `ghcr.io/example/app:1.0.0@sha256:${'c'.repeat(64)}`,
              resources,
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
              },
            },
          ],
        },
      });
      const create = (o: any) =>
        api(
          double,
          'POST',
          `/api/v1/namespaces/${o.metadata.namespace}/pods`,
          o,
        );
      // No limits in production: Kyverno's rule and Gatekeeper's constraint both refuse.
      const noLimits = await create(
        pod('no-limits', 'payments-prod', {
          requests: { cpu: '10m', memory: '16Mi' },
        }),
      );
      expect(noLimits.status).toBe(400);
      expect(messageOf(noLimits)).toMatch(/require-requests-limits/);
      // Limits and requests: admitted by both.
      const ok = await create(
        pod('ok', 'payments-prod', {
          requests: { cpu: '10m', memory: '16Mi' },
          limits: { cpu: '100m', memory: '64Mi' },
        }),
      );
      expect(ok.status).toBe(201);
    } finally {
      await double.close();
    }
    // Gatekeeper alone (tier 2): its constraint refuses the same Pod in production only.
    const t2 = clusterInput(2, {
      ...tierChoiceDefaults(2),
      policyEngine: 'gatekeeper',
    });
    const ctx2 = addonContext(t2);
    const second = await converge(
      renderClusterBaseline(t2),
      addonsFor(ctx2),
      ctx2,
    );
    try {
      const bare = (namespace: string) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'no-limits', namespace },
        spec: {
          securityContext: {
            runAsNonRoot: true,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: 'app',
              image: 'ghcr.io/example/app:1.0.0',
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
              },
            },
          ],
        },
      });
      const prod = await api(
        second.double,
        'POST',
        '/api/v1/namespaces/apps-prod/pods',
        bare('apps-prod'),
      );
      expect(prod.status).toBe(403);
      expect(messageOf(prod)).toMatch(
        /validation\.gatekeeper\.sh.*\[must-have-limits\] Container app must have CPU limits/s,
      );
      const dev = await api(
        second.double,
        'POST',
        '/api/v1/namespaces/apps-dev/pods',
        bare('apps-dev'),
      );
      expect(dev.status).toBe(201);
    } finally {
      await second.double.close();
    }
  });

  it("issues Linkerd's identity through cert-manager and trust-manager before the control plane starts", async () => {
    const input = clusterInput(3, {
      ...tierChoiceDefaults(3),
      mesh: 'linkerd',
    });
    const ctx = addonContext(input);
    const { steps, double } = await converge(
      renderClusterBaseline(input),
      addonsFor(ctx),
      ctx,
    );
    try {
      const order = steps.flatMap(s => ('addon' in s ? [s.addon] : []));
      expect(order.indexOf('trust-manager')).toBeLessThan(
        order.indexOf('linkerd-identity'),
      );
      expect(order.indexOf('linkerd-identity')).toBeLessThan(
        order.indexOf('linkerd-control-plane'),
      );
      const get = async (path: string) => (await api(double, 'GET', path)).body;
      const issuer = await get(
        '/api/v1/namespaces/linkerd/secrets/linkerd-identity-issuer',
      );
      expect(issuer.type).toBe('kubernetes.io/tls');
      expect(Object.keys(issuer.data).sort()).toEqual([
        'ca.crt',
        'tls.crt',
        'tls.key',
      ]);
      const anchor = await get(
        '/api/v1/namespaces/cert-manager/secrets/linkerd-trust-anchor',
      );
      const roots = await get(
        '/api/v1/namespaces/linkerd/configmaps/linkerd-identity-trust-roots',
      );
      const decode = (b: string) => Buffer.from(b, 'base64').toString();
      // The issuer is signed by the anchor every proxy trusts.
      expect(roots.data['ca-bundle.crt']).toBe(decode(anchor.data['tls.crt']));
      expect(decode(issuer.data['ca.crt'])).toBe(roots.data['ca-bundle.crt']);
    } finally {
      await double.close();
    }
  });

  it("refuses to start Linkerd's control plane without the linkerd-identity add-on, naming the missing Secret", async () => {
    const input = clusterInput(3, {
      ...tierChoiceDefaults(3),
      mesh: 'linkerd',
    });
    const ctx = addonContext(input);
    const addons = addonsFor(ctx).filter(a => a.id !== 'linkerd-identity');
    const files = renderClusterBaseline(input).filter(
      f => f.path !== 'manifests/platform/linkerd-identity.yaml',
    );
    const double = await startEmptyCluster();
    try {
      const failure = await converge(files, addons, ctx, double).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(ConvergenceError);
      expect((failure as Error).message).toMatch(
        /convergence failed at addon linkerd-control-plane: add-on linkerd-control-plane: pods cannot start: Secret linkerd\/linkerd-identity-issuer, ConfigMap linkerd\/linkerd-identity-trust-roots do not exist/,
      );
      // Nothing of the control plane runs.
      const pods = await api(double, 'GET', '/api/v1/namespaces/linkerd/pods');
      expect(pods.body.items).toEqual([]);
    } finally {
      await double.close();
    }
  });
});

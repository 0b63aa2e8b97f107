import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  ConformanceRuleResult,
  ConformanceSummary,
  CostResponse,
} from '@paved/plugin-paved-common';
import { screen, waitFor, within } from '@testing-library/react';
import {
  PavedComponentHealthResponse,
  PavedConformanceResponse,
  PavedCostApi,
  pavedCostApiRef,
  PavedCrossplaneApi,
  pavedCrossplaneApiRef,
  PavedCrossplaneResponse,
  PavedHealthApi,
  pavedHealthApiRef,
} from '../../api';
import { tenantResponse, ZONE } from '../cost/fixtures.testutil';
import {
  failingClaim,
  readyClaim,
  response as claimsResponse,
} from '../crossplane/fixtures.testutil';
import {
  healthyComponent,
  ledgerWorkerHealth,
} from '../health/fixtures.testutil';
import { EntityPavedSummaryCard } from './EntityPavedSummaryCard';
import { isPavedSummaryEntity } from './summaryEntity';

const ANNOTATED: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'payments-api',
      'paved.dev/tier': '3',
      'paved.dev/namespaces': 'payments',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments-team' },
};
const BARE: Entity = {
  ...ANNOTATED,
  metadata: { name: 'website', namespace: 'default' },
};

const never = () => new Promise<never>(() => {});
const denied = (what: string) => () =>
  Promise.reject(new Error(`You are not allowed to read ${what}`));

type Answer<T> = () => Promise<T>;
interface Answers {
  health?: Answer<PavedComponentHealthResponse>;
  conformance?: Answer<PavedConformanceResponse>;
  cost?: Answer<CostResponse>;
  claims?: Answer<PavedCrossplaneResponse>;
}

async function render(answers: Answers, entity: Entity = ANNOTATED) {
  const healthApi: Partial<PavedHealthApi> = {
    getEntityHealth: answers.health ?? never,
    getEntityConformance: answers.conformance ?? never,
  };
  const costApi: Partial<PavedCostApi> = {
    getEntityCost: answers.cost ?? never,
  };
  const crossplaneApi: Partial<PavedCrossplaneApi> = {
    getEntityClaims: answers.claims ?? never,
  };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [pavedHealthApiRef, healthApi],
        [pavedCostApiRef, costApi],
        [pavedCrossplaneApiRef, crossplaneApi],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityPavedSummaryCard zone={ZONE} />
      </EntityProvider>
    </TestApiProvider>,
  );
}

/** The chip once it has left `loading` (or at once, for `loading` itself). */
async function chip(key: string, state: string) {
  const element = screen.getByTestId(`summary-${key}`);
  await waitFor(() => expect(element).toHaveAttribute('data-state', state));
  return element;
}

const health =
  (
    ...clusters: PavedComponentHealthResponse['clusters']
  ): Answer<PavedComponentHealthResponse> =>
  async () => ({
    entityRef: 'component:default/payments-api',
    labelSelector: 'backstage.io/kubernetes-id=payments-api',
    clusters,
  });
const oom = {
  id: 'oom-killed:Pod:payments:payments-api-7c9d8f6b5d-tq9mc:api',
  signal: 'oom-killed' as const,
  severity: 'warning' as const,
  reason: 'OOMKilled',
  message: 'Container api was OOMKilled 2 times',
  object: {
    kind: 'Pod',
    namespace: 'payments',
    name: 'payments-api-7c9d8f6b5d-tq9mc',
    container: 'api',
  },
};

const rule = (
  title: string,
  failed: number,
  checks = 10,
): ConformanceRuleResult =>
  ({
    id: title,
    title,
    why: 'because',
    applies: true,
    checks,
    passed: checks - failed,
    failed,
    score: (checks - failed) / checks,
    failures: [],
  } as unknown as ConformanceRuleResult);
const conformance =
  (
    score: number | null,
    rules: ConformanceRuleResult[],
  ): Answer<PavedConformanceResponse> =>
  async () => ({
    entityRef: 'component:default/payments-api',
    tier: 3,
    scope: 'tenant',
    namespaces: ['payments'],
    clusters: [
      {
        cluster: 'paved-local',
        ok: true,
        data: {
          tier: 3,
          tierTitle: 'Production',
          podSecurityLevel: 'restricted',
          namespaces: ['payments'],
          productionNamespaces: ['payments'],
          score,
          checks: 40,
          passed: 40,
          failed: 0,
          rules,
        } as ConformanceSummary,
      },
    ],
  });

const cost =
  (change: (r: CostResponse) => void): Answer<CostResponse> =>
  async () => {
    const r = tenantResponse();
    r.clusters = r.clusters.filter(c => c.ok);
    change(r);
    return r;
  };

const claims =
  (...list: (typeof readyClaim)[]): Answer<PavedCrossplaneResponse> =>
  async () => ({
    ...claimsResponse,
    clusters: [
      {
        cluster: 'paved-local',
        ok: true,
        data: { claims: list, problems: [] },
      },
    ],
  });

describe('EntityPavedSummaryCard', () => {
  it('is a named list of four chips, each linking to its detail', async () => {
    await render({});
    const list = screen.getByRole('list', { name: 'Paved status' });
    const links = within(list).getAllByRole('link');
    expect(links.map(l => l.getAttribute('href'))).toEqual([
      '#paved-workload-health',
      '#paved-conformance',
      '#paved-cost',
      '#paved-crossplane-claims',
    ]);
  });

  describe('the health chip', () => {
    it('loading', async () => {
      await render({});
      const c = await chip('health', 'loading');
      expect(c).toHaveAttribute('aria-busy', 'true');
      expect(c).toHaveTextContent('Checking…');
    });
    it('ok', async () => {
      await render({
        health: health({
          cluster: 'paved-local',
          ok: true,
          data: healthyComponent,
        }),
      });
      const c = await chip('health', 'ok');
      expect(c).toHaveTextContent('HealthOK3 of 3 readyNo problems');
    });
    it('warning, naming the worst problem', async () => {
      await render({
        health: health({
          cluster: 'paved-local',
          ok: true,
          data: { ...healthyComponent, problems: [oom] },
        }),
      });
      const c = await chip('health', 'warning');
      expect(c).toHaveTextContent(
        'OOMKilled · Pod payments/payments-api-7c9d8f6b5d-tq9mc (api)',
      );
    });
    it('error, with the critical problem first and how many more', async () => {
      await render({
        health: health({
          cluster: 'paved-local',
          ok: true,
          data: ledgerWorkerHealth,
        }),
      });
      const c = await chip('health', 'error');
      expect(c).toHaveTextContent('1 of 3 ready');
      expect(c).toHaveTextContent(
        'CrashLoopBackOff · Pod payments/ledger-worker-1 (ledger-worker) (+1 more)',
      );
    });
    it('unknown when the call fails or no cluster answers', async () => {
      await render({ health: denied('health') });
      expect(await chip('health', 'unknown')).toHaveTextContent(
        'You are not allowed to read health',
      );
    });
    it('unknown when every cluster failed', async () => {
      await render({
        health: health({
          cluster: 'prod',
          ok: false,
          error: { name: 'ClusterTimeoutError', message: 'timed out' },
        }),
      });
      expect(await chip('health', 'unknown')).toHaveTextContent(
        'prod: timed out',
      );
    });
    it('not configured without the Kubernetes annotations, or without clusters', async () => {
      await render({}, BARE);
      expect(await chip('health', 'not-configured')).toHaveTextContent(
        'Not configuredAdd backstage.io/kubernetes-id',
      );
    });
    it('not configured without clusters', async () => {
      await render({ health: health() });
      expect(await chip('health', 'not-configured')).toHaveTextContent(
        'No clusters configured',
      );
    });
  });

  describe('the conformance chip', () => {
    it('loading', async () => {
      await render({});
      expect(await chip('conformance', 'loading')).toHaveTextContent(
        'Checking…',
      );
    });
    it('ok', async () => {
      await render({ conformance: conformance(1, [rule('Probes', 0)]) });
      expect(await chip('conformance', 'ok')).toHaveTextContent(
        '100% · tier 3Every rule passes',
      );
    });
    it('warning, naming the rule with most failures', async () => {
      await render({
        conformance: conformance(0.9, [rule('Probes', 1), rule('Digests', 3)]),
      });
      expect(await chip('conformance', 'warning')).toHaveTextContent(
        '90% · tier 3Digests · 3 failing (+1 more)',
      );
    });
    it('error below 80%', async () => {
      await render({
        conformance: conformance(0.453, [rule('Read-only root', 6)]),
      });
      expect(await chip('conformance', 'error')).toHaveTextContent(
        '45.3% · tier 3Read-only root · 6 failing',
      );
    });
    it('unknown when nothing could be checked, or the call fails', async () => {
      await render({ conformance: conformance(null, []) });
      expect(await chip('conformance', 'unknown')).toHaveTextContent(
        'Nothing to check yet',
      );
    });
    it('unknown when the call fails', async () => {
      await render({ conformance: denied('conformance') });
      expect(await chip('conformance', 'unknown')).toHaveTextContent(
        'You are not allowed to read conformance',
      );
    });
    it('not configured without a tier', async () => {
      await render({}, BARE);
      expect(await chip('conformance', 'not-configured')).toHaveTextContent(
        'Set the annotation paved.dev/tier',
      );
    });
  });

  describe('the cost chip', () => {
    it('loading', async () => {
      await render({});
      expect(await chip('cost', 'loading')).toHaveTextContent('Checking…');
    });
    it('ok: month to date against the budget', async () => {
      await render({
        cost: cost(r => {
          r.budget = {
            ...r.budget!,
            monthlyBudget: 100,
            budgetUsed: 0.36,
            projection: 54,
            projectedOverBudget: false,
            overBudget: false,
          };
        }),
      });
      expect(await chip('cost', 'ok')).toHaveTextContent(
        '€36 of €10036% of budget used, projected €54',
      );
    });
    it('warning when the projection exceeds the budget', async () => {
      await render({ cost: cost(() => {}) });
      expect(await chip('cost', 'warning')).toHaveTextContent(
        /€36 of €40Projected €\d+, €\d+ over budget/,
      );
    });
    it('error when already over the budget', async () => {
      await render({
        cost: cost(r => {
          r.budget = { ...r.budget!, overBudget: true, budgetUsed: 1.2 };
        }),
      });
      expect(await chip('cost', 'error')).toHaveTextContent(
        'Over the monthly budget (120% used)',
      );
    });
    it('unknown when OpenCost has no figures or the call fails', async () => {
      await render({ cost: denied('cost') });
      expect(await chip('cost', 'unknown')).toHaveTextContent(
        'You are not allowed to read cost',
      );
    });
    it('not configured on an entity Paved cannot cost', async () => {
      await render({}, BARE);
      expect(await chip('cost', 'not-configured')).toHaveTextContent(
        'Add the Kubernetes annotations or a cost label',
      );
    });
  });

  describe('the Crossplane chip', () => {
    it('loading', async () => {
      await render({});
      expect(await chip('crossplane', 'loading')).toHaveTextContent(
        'Checking…',
      );
    });
    it('ok when every claim is ready', async () => {
      await render({ claims: claims(readyClaim) });
      expect(await chip('crossplane', 'ok')).toHaveTextContent(
        '1 of 1 readyEvery claim is ready',
      );
    });
    it('warning when a cluster could not be read', async () => {
      await render({
        claims: async () => ({
          ...claimsResponse,
          clusters: [
            {
              cluster: 'paved-local',
              ok: true,
              data: { claims: [readyClaim], problems: [] },
            },
            claimsResponse.clusters[1],
          ],
        }),
      });
      expect(await chip('crossplane', 'warning')).toHaveTextContent(
        'Some claims or clusters could not be read',
      );
    });
    it('error with the first not-ready reason', async () => {
      await render({ claims: claims(readyClaim, failingClaim) });
      const c = await chip('crossplane', 'error');
      expect(c).toHaveTextContent('1 of 2 ready');
      expect(c).toHaveTextContent(
        `${failingClaim.firstNotReady!.reason} on ${
          failingClaim.firstNotReady!.ref.kind
        }`,
      );
    });
    it('unknown when the call fails', async () => {
      await render({ claims: denied('Crossplane claims') });
      expect(await chip('crossplane', 'unknown')).toHaveTextContent(
        'You are not allowed to read Crossplane claims',
      );
    });
    it('not configured when no claim is found', async () => {
      await render({ claims: claims() });
      expect(await chip('crossplane', 'not-configured')).toHaveTextContent(
        'No claims found',
      );
    });
  });
});

describe('isPavedSummaryEntity', () => {
  it('is for Components with something Paved can report', () => {
    expect(isPavedSummaryEntity(ANNOTATED)).toBe(true);
    expect(isPavedSummaryEntity(BARE)).toBe(false);
    expect(isPavedSummaryEntity({ ...ANNOTATED, kind: 'Resource' })).toBe(
      false,
    );
  });
});

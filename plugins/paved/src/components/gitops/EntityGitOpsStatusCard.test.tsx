import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  GitOpsEntityResponse,
  gitopsStatusOf,
  summarizeGitOps,
} from '@paved/plugin-paved-common';
import { DateTime } from 'luxon';
import { PavedGitOpsClient, pavedGitOpsApiRef } from '../../api';
import { EntityGitOpsStatusCard } from './EntityGitOpsStatusCard';
import { shortRevision } from './GitOpsObjectRow';

const BASE = 'http://backstage.test/api/paved';
const ROUTE = `${BASE}/gitops/entity/default/component/checkout-web`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-web',
    namespace: 'default',
    annotations: { 'argocd/app-selector': 'app.kubernetes.io/part-of=shop' },
  },
  spec: { type: 'website', owner: 'team', lifecycle: 'production' },
};

const twoHoursAgo = DateTime.now().minus({ hours: 2 }).toISO()!;

const degraded = gitopsStatusOf(
  'Application',
  {
    metadata: { name: 'checkout-web', namespace: 'argocd' },
    spec: {
      source: {
        repoURL: 'https://git.example/deploy.git',
        path: 'web',
        targetRevision: 'main',
      },
    },
    status: {
      sync: {
        status: 'OutOfSync',
        revision: '9b2e41d7c0a35f18e6d4b7a2c9f0e1d3a5b8c6f2',
      },
      health: { status: 'Degraded' },
      operationState: {
        phase: 'Failed',
        message: 'admission webhook denied the request',
        finishedAt: twoHoursAgo,
      },
    },
  },
  ['app-selector'],
);
const healthy = gitopsStatusOf(
  'Kustomization',
  {
    metadata: { name: 'checkout-config', namespace: 'checkout' },
    status: {
      lastAppliedRevision: 'main@sha1:3c7d9e2f1a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d',
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'ReconciliationSucceeded',
          message: 'Applied revision',
          lastTransitionTime: twoHoursAgo,
        },
      ],
    },
  },
  ['entity-label'],
);

const base: Omit<GitOpsEntityResponse, 'clusters'> = {
  entityRef: 'component:default/checkout-web',
  scope: 'component',
  appNames: [],
  appSelector: 'app.kubernetes.io/part-of=shop',
  labelSelector: 'backstage.io/kubernetes-id=checkout-web',
  notFound: [],
};

function render() {
  const discoveryApi = { getBaseUrl: async () => BASE };
  const fetchApi = { fetch: (i: any, init?: any) => fetch(i, init) };
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
        [pavedGitOpsApiRef, new PavedGitOpsClient({ discoveryApi, fetchApi })],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityGitOpsStatusCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityGitOpsStatusCard', () => {
  it('shows each object with sync, health, revision, last sync and message, problems with the runbook, and a cluster that refused', async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json({
          ...base,
          clusters: [
            {
              cluster: 'paved-local',
              ok: true,
              data: summarizeGitOps([healthy, degraded]),
            },
            {
              cluster: 'paved-second',
              ok: false,
              error: {
                name: 'ClusterRequestError',
                message: 'HTTP 403: applications.argoproj.io is forbidden',
                statusCode: 403,
              },
            },
          ],
        }),
      ),
    );
    await render();
    const app = await screen.findByRole('region', {
      name: 'Application argocd/checkout-web',
    });
    expect(within(app).getByTestId('gitops-sync-OutOfSync')).toBeVisible();
    expect(within(app).getByTestId('gitops-health-Degraded')).toBeVisible();
    expect(app).toHaveTextContent('Revision 9b2e41d');
    expect(app).toHaveTextContent('last synced 2 hours ago');
    expect(app).toHaveTextContent('admission webhook denied the request');
    expect(app).toHaveTextContent('Argo CD');

    const ks = screen.getByRole('region', {
      name: 'Kustomization checkout/checkout-config',
    });
    expect(ks).toHaveTextContent('Revision main@3c7d9e2');
    expect(within(ks).getByTestId('gitops-health-Healthy')).toBeVisible();

    // Worst first, the problems link the runbook.
    const local = screen.getByRole('region', { name: 'GitOps in paved-local' });
    const runbooks = within(local).getAllByRole('link', {
      name: 'Runbook: GitOps sync failed',
    });
    expect(runbooks[0]).toHaveAttribute(
      'href',
      '/docs/default/system/paved/runbooks/gitops-sync-failed/',
    );
    expect(local).toHaveTextContent(
      'Degraded · Application argocd/checkout-web',
    );

    // The cluster that refused says so, beside the one that answered.
    const second = screen.getByRole('region', {
      name: 'GitOps in paved-second',
    });
    expect(within(second).getByRole('alert')).toHaveTextContent(
      '403 · HTTP 403: applications.argoproj.io is forbidden',
    );
  });

  it('says what to annotate when nothing is found, and names apps no cluster has', async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json({
          ...base,
          appNames: ['gone'],
          notFound: [{ kind: 'Application', name: 'gone' }],
          clusters: [
            {
              cluster: 'paved-local',
              ok: true,
              data: summarizeGitOps([], ['HelmRelease']),
            },
          ],
        }),
      ),
    );
    await render();
    expect(await screen.findByTestId('gitops-empty')).toHaveTextContent(
      /Annotate it with argocd\/app-name .* or argocd\/app-selector/,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Not found on any cluster: Application gone (named in argocd/app-name).',
    );
    expect(screen.getByText(/Not served here/)).toHaveTextContent(
      'HelmRelease',
    );
  });

  it('says which permission is missing when the backend refuses', async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json({ error: { message: 'nope' } }, { status: 403 }),
      ),
    );
    await render();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /paved\.gitops\.read/,
    );
  });

  it('names the bad annotation the backend refused', async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json(
          {
            error: {
              message:
                "'Bad_Name' in annotation argocd/app-name is not an Argo CD Application name",
            },
          },
          { status: 400 },
        ),
      ),
    );
    await render();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "'Bad_Name' in annotation argocd/app-name",
    );
  });
});

describe('shortRevision', () => {
  it.each([
    ['9b2e41d7c0a35f18e6d4b7a2c9f0e1d3a5b8c6f2', '9b2e41d'],
    ['main@sha1:3c7d9e2f1a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d', 'main@3c7d9e2'],
    ['1.8.2', '1.8.2'],
    ['v3.4.1', 'v3.4.1'],
  ])('%s -> %s', (revision, short) => {
    expect(shortRevision(revision)).toBe(short);
  });
});

import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { summarizeGitOps } from '@paved/plugin-paved-common';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PavedGitOpsClient, pavedGitOpsApiRef } from '../../../api';
import { EntityGitOpsStatusCard } from '../../gitops/EntityGitOpsStatusCard';

const BASE = 'http://backstage.test/api/paved';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'legacy-web', namespace: 'default' },
  spec: { type: 'website', owner: 'team', lifecycle: 'production' },
};

describe('a backend from before the data rename', () => {
  it("still renders a card from its cluster results' health field", async () => {
    server.use(
      http.get(`${BASE}/gitops/entity/default/component/legacy-web`, () =>
        HttpResponse.json({
          entityRef: 'component:default/legacy-web',
          scope: 'component',
          appNames: [],
          labelSelector: 'backstage.io/kubernetes-id=legacy-web',
          notFound: [],
          clusters: [
            // The success field as older backends name it.
            { cluster: 'paved-local', ok: true, health: summarizeGitOps([]) },
          ],
        }),
      ),
    );
    const discoveryApi = { getBaseUrl: async () => BASE };
    const fetchApi = { fetch: (i: any, init?: any) => fetch(i, init) };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [discoveryApiRef, discoveryApi],
          [fetchApiRef, fetchApi],
          [
            pavedGitOpsApiRef,
            new PavedGitOpsClient({ discoveryApi, fetchApi }),
          ],
        ]}
      >
        <EntityProvider entity={entity}>
          <EntityGitOpsStatusCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    const section = await screen.findByRole('region', {
      name: 'GitOps in paved-local',
    });
    expect(within(section).getByText('None on this cluster.')).toBeVisible();
    expect(screen.getByTestId('gitops-empty')).toBeVisible();
  });
});

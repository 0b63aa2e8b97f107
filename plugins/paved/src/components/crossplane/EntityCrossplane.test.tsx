import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PavedCrossplaneClient, pavedCrossplaneApiRef } from '../../api';
import { EntityCrossplaneClaimsCard } from './EntityCrossplaneClaimsCard';
import { EntityCrossplaneContent } from './EntityCrossplaneContent';
import { details, entity, response } from './fixtures.testutil';

const BASE = 'http://backstage.test/api/paved';
const ROUTE = `${BASE}/crossplane/entity/default/component/ledger-worker`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function render(ui: React.ReactElement) {
  const discoveryApi = { getBaseUrl: async () => BASE };
  const fetchApi = { fetch: (i: any, init?: any) => fetch(i, init) };
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
        [
          pavedCrossplaneApiRef,
          new PavedCrossplaneClient({ discoveryApi, fetchApi }),
        ],
      ]}
    >
      <EntityProvider entity={entity}>{ui}</EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityCrossplaneClaimsCard', () => {
  it('shows each claim, the failing one first, with its reason and runbook', async () => {
    server.use(http.get(ROUTE, () => HttpResponse.json(response)));
    await render(<EntityCrossplaneClaimsCard />);
    const failing = await screen.findByRole('region', {
      name: 'Claim PostgreSQLInstance payments/ledger-db',
    });
    expect(failing).toHaveTextContent('Not ready');
    expect(failing).toHaveTextContent(
      'Composition: xpostgresqlinstances-aws · revision 2',
    );
    expect(failing).toHaveTextContent('Synced: 3 True · 1 False');
    expect(failing).toHaveTextContent('Ready: 1 True · 3 False');
    expect(failing).toHaveTextContent(
      'payments/ledger-db-conn · not published yet',
    );
    expect(failing).toHaveTextContent(/Age: .*ago/);
    expect(
      within(failing).getByRole('alert', { name: 'First not-ready reason' }),
    ).toHaveTextContent(
      'ReconcileError on Instance ledger-db-q9m4d-rds: api error InvalidParameterCombination',
    );
    expect(
      within(failing).getByRole('link', {
        name: 'Runbook: Crossplane claim not ready',
      }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/paved/runbooks/crossplane-claim-not-ready/',
    );

    const claims = screen.getAllByRole('region', { name: /^Claim / });
    expect(claims.map(c => c.getAttribute('aria-label'))).toEqual([
      'Claim PostgreSQLInstance payments/ledger-db',
      'Claim AppBucket checkout/checkout-media',
    ]);
    const ready = claims[1];
    expect(ready).toHaveTextContent('Ready');
    expect(ready).toHaveTextContent('namespaced composite (Crossplane v2)');
    expect(within(ready).queryByRole('link')).toBeNull();

    // What could not be read, beside what could.
    expect(
      screen.getByRole('list', { name: 'Could not read' }),
    ).toHaveTextContent('Instance other-rds: HTTP 403: instances is forbidden');
    expect(
      within(
        screen.getByRole('region', { name: 'Crossplane claims on prod-eu-1' }),
      ).getByRole('alert'),
    ).toHaveTextContent(/did not answer within 10000 ms/);
  });

  it('says which annotation to set when there are no claims', async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json({
          ...response,
          clusters: [
            {
              cluster: 'paved-local',
              ok: true,
              data: { claims: [], problems: [] },
            },
          ],
        }),
      ),
    );
    await render(<EntityCrossplaneClaimsCard />);
    expect(
      await screen.findByText(/No Crossplane claims found for this entity/),
    ).toHaveTextContent(
      /paved\.dev\/crossplane-claims.*backstage\.io\/kubernetes-id=ledger-worker/,
    );
  });

  it('does not call a refused read empty', async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json({
          ...response,
          clusters: [
            {
              cluster: 'paved-local',
              ok: false,
              error: {
                name: 'ClusterRequestError',
                message: 'HTTP 403: forbidden',
                statusCode: 403,
              },
            },
          ],
        }),
      ),
    );
    await render(<EntityCrossplaneClaimsCard />);
    expect(await screen.findByText(/HTTP 403: forbidden/)).toBeInTheDocument();
    expect(
      screen.queryByText(/No Crossplane claims found for this entity/),
    ).not.toBeInTheDocument();
  });

  it('says what to do when the user may not read claims', async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'Missing permission paved.crossplane.read',
            },
          },
          { status: 403 },
        ),
      ),
    );
    await render(<EntityCrossplaneClaimsCard />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /not allowed to read Crossplane claims/,
    );
  });

  it('shows progress while loading', async () => {
    server.use(http.get(ROUTE, () => new Promise<Response>(() => {})));
    await render(<EntityCrossplaneClaimsCard />);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });
});

describe('EntityCrossplaneContent', () => {
  it('shows the tree not-ready first, with chips, redacted YAML and events', async () => {
    server.use(
      http.get(ROUTE, () => HttpResponse.json(response)),
      http.get(`${ROUTE}/details`, () => HttpResponse.json(details)),
    );
    await render(<EntityCrossplaneContent />);
    const tree = await screen.findByRole('list', {
      name: 'Resources of PostgreSQLInstance payments/ledger-db',
    });
    const composite = within(tree).getByRole('listitem', {
      name: 'XPostgreSQLInstance ledger-db-q9m4d',
    });
    const children = within(composite)
      .getAllByRole('listitem')
      .map(li => li.getAttribute('aria-label'))
      .filter(Boolean);
    expect(children).toEqual([
      'Instance ledger-db-q9m4d-rds',
      'XBucket ledger-db-q9m4d-backups',
    ]);
    const mr = within(tree).getByRole('listitem', {
      name: 'Instance ledger-db-q9m4d-rds',
    });
    expect(mr).toHaveTextContent('Synced: False (ReconcileError)');
    expect(mr).toHaveTextContent('Ready: False (Creating)');
    expect(within(mr).getByTestId('state-not-ready')).toBeInTheDocument();
    const yaml = within(mr).getByLabelText(
      'YAML of Instance ledger-db-q9m4d-rds',
    );
    expect(yaml).toHaveTextContent('masterPassword: "[redacted]"');
    expect(document.body).not.toHaveTextContent('hunter2');
    expect(
      within(mr).getByRole('list', {
        name: 'Events of Instance ledger-db-q9m4d-rds',
      }),
    ).toHaveTextContent('Warning CannotCreateExternalResource ×23');
  });
});

import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { useTheme } from '@material-ui/core/styles';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PavedCrossplaneClient, pavedCrossplaneApiRef } from '../../api';
import { toneColour } from '../common/tones';
import { ClaimGraph } from './ClaimGraph';
import { EntityCrossplaneContent } from './EntityCrossplaneContent';
import { details, entity, failingClaim, response } from './fixtures.testutil';
import { copyText } from './ObjectYaml';

jest.setTimeout(30_000);

const BASE = 'http://backstage.test/api/paved';
const ROUTE = `${BASE}/crossplane/entity/default/component/ledger-worker`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// jsdom lays nothing out: give every SVG element a size for dagre.
beforeAll(() => {
  Object.defineProperty(window.SVGElement.prototype, 'getBBox', {
    configurable: true,
    value: () => ({ x: 0, y: 0, width: 220, height: 56 }),
  });
});

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

/** The colours the app's theme gives each tone, read inside the app. */
const themed: Record<string, string> = {};
function ThemeProbe() {
  const theme = useTheme();
  themed.error = toneColour(theme, 'error');
  themed.ok = toneColour(theme, 'ok');
  return null;
}

describe('ClaimGraph', () => {
  it('draws a node per object and an edge per parent -> child, coloured by state from the theme', async () => {
    await renderInTestApp(
      <>
        <ThemeProbe />
        <ClaimGraph root={failingClaim.root} />
      </>,
    );
    const graph = screen.getByRole('figure', {
      name: 'Graph of PostgreSQLInstance payments/ledger-db',
    });
    const count = (node: any): number =>
      1 + node.children.reduce((n: number, c: any) => n + count(c), 0);
    const objects = count(failingClaim.root);
    // The layout settles after its first measurements.
    await waitFor(() =>
      expect(within(graph).getAllByRole('img')).toHaveLength(objects),
    );
    const labels = within(graph)
      .getAllByRole('img')
      .map(n => n.getAttribute('aria-label'));
    expect(labels).toEqual(
      expect.arrayContaining([
        'claim PostgreSQLInstance payments/ledger-db: not-ready',
        'composite XPostgreSQLInstance ledger-db-q9m4d: not-ready',
        'managed Instance ledger-db-q9m4d-rds: not-ready',
      ]),
    );
    expect(labels).toHaveLength(objects);
    // A tree of n objects has n - 1 edges, each drawn by DependencyGraph.
    await waitFor(() =>
      expect(within(graph).getAllByTestId('edge')).toHaveLength(objects - 1),
    );

    const box = (name: string) =>
      within(within(graph).getByRole('img', { name })).getByTestId(
        'graph-node-box',
      );
    expect(
      box('managed Instance ledger-db-q9m4d-rds: not-ready'),
    ).toHaveAttribute('stroke', themed.error);
    const ready = within(graph)
      .getAllByRole('img')
      .find(n => n.getAttribute('data-state') === 'ready');
    expect(ready).toBeDefined();
    expect(within(ready!).getByTestId('graph-node-box')).toHaveAttribute(
      'stroke',
      themed.ok,
    );
    // No colour literals: error and ok are the theme's, and differ.
    expect(themed.error).toMatch(/^#|^rgb/);
    expect(themed.error).not.toBe(themed.ok);
  });
});

describe('the Crossplane tab', () => {
  beforeEach(() => {
    server.use(
      http.get(ROUTE, () => HttpResponse.json(response)),
      http.get(`${ROUTE}/details`, () => HttpResponse.json(details)),
    );
  });

  it('switches a claim between tree and graph', async () => {
    await render(<EntityCrossplaneContent />);
    const claim = await screen.findByRole('region', {
      name: 'Claim PostgreSQLInstance payments/ledger-db',
    });
    const toggle = within(claim).getByRole('group', {
      name: 'View of PostgreSQLInstance payments/ledger-db',
    });
    expect(
      within(toggle).getByRole('button', { name: 'Tree' }),
    ).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(within(toggle).getByRole('button', { name: 'Graph' }));
    expect(
      within(claim).getByRole('figure', {
        name: 'Graph of PostgreSQLInstance payments/ledger-db',
      }),
    ).toBeInTheDocument();
    expect(
      within(claim).queryByRole('list', {
        name: 'Resources of PostgreSQLInstance payments/ledger-db',
      }),
    ).toBeNull();
    fireEvent.click(within(toggle).getByRole('button', { name: 'Tree' }));
    expect(
      within(claim).getByRole('list', {
        name: 'Resources of PostgreSQLInstance payments/ledger-db',
      }),
    ).toBeInTheDocument();
  });

  it('opens the panels: XRD, pipeline, revision, unhealthy provider, a refused type', async () => {
    await render(<EntityCrossplaneContent />);
    const claim = await screen.findByRole('region', {
      name: 'Claim PostgreSQLInstance payments/ledger-db',
    });
    const open = async (title: string) => {
      const panel = await within(claim).findByRole('region', {
        name: `${title} panel`,
      });
      fireEvent.click(within(panel).getByRole('button'));
      return panel;
    };
    const xrd = await open('XRD');
    expect(xrd).toHaveTextContent(
      'v1alpha1 · served · referenceable · spec: parameters',
    );
    const composition = await open('Composition');
    expect(composition).toHaveTextContent('Pipeline mode');
    expect(
      within(composition).getByRole('list', {
        name: 'Pipeline of xpostgresqlinstances-aws',
      }),
    ).toHaveTextContent(
      'compose → function function-patch-and-transformready → function function-auto-ready',
    );
    const revision = await open('Composition revision');
    expect(revision).toHaveTextContent('revision 1 (newest is 2)');
    const providers = await open('Providers');
    expect(providers).toHaveTextContent('1 provider, 1 not healthy');
    expect(
      within(providers).getByRole('listitem', {
        name: 'Provider provider-aws-rds',
      }),
    ).toHaveTextContent('Healthy: False (UnhealthyPackageRevision)');
    const functions = await open('Functions');
    expect(functions).toHaveTextContent('not readable (HTTP 403)');
    expect(functions).toHaveTextContent('not allowed to read Functions');
  });

  it('says when YAML and events are left out for want of permission', async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json({
          ...response,
          access: { yaml: false, events: true },
        }),
      ),
    );
    await render(<EntityCrossplaneContent />);
    expect(await screen.findByRole('note')).toHaveTextContent(
      'Not shown to you: YAML (permission paved.crossplane.yaml.read).',
    );
  });

  it('copies and downloads the redacted YAML as <kind>-<name>.yaml', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    const created: Blob[] = [];
    const createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return 'blob:yaml';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    let downloaded: string | undefined;
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordDownload(this: HTMLAnchorElement) {
        downloaded = this.download;
      });

    await render(<EntityCrossplaneContent />);
    const copy = await screen.findByRole('button', {
      name: 'Copy YAML of Instance ledger-db-q9m4d-rds',
    });
    fireEvent.click(copy);
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText.mock.calls[0][0]).toContain(
      'masterPassword: "[redacted]"',
    );
    expect(writeText.mock.calls[0][0]).not.toContain('hunter2');
    expect(await screen.findByText('Copied')).toBeInTheDocument();

    fireEvent.click(
      screen.getByRole('button', {
        name: 'Download YAML of Instance ledger-db-q9m4d-rds',
      }),
    );
    expect(downloaded).toBe('instance-ledger-db-q9m4d-rds.yaml');
    const text = await created[0].text();
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('hunter2');
    click.mockRestore();
  });

  it('falls back to execCommand when the Clipboard API is missing', async () => {
    Object.assign(navigator, { clipboard: undefined });
    const exec = jest.fn().mockReturnValue(true);
    Object.assign(document, { execCommand: exec });
    expect(await copyText('kind: X')).toBe(true);
    expect(exec).toHaveBeenCalledWith('copy');
    // The helper's text area is gone again.
    expect(document.querySelector('textarea')).toBeNull();
  });
});

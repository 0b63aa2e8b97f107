import { Entity } from '@backstage/catalog-model';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { AdrContent } from './AdrContent';

function adr(name: string, spec: object, relations: Entity['relations'] = []) {
  return {
    apiVersion: 'paved.dev/v1alpha1',
    kind: 'ADR',
    metadata: { name, namespace: 'default', title: `Decision ${name}` },
    spec: { owner: 'group:default/platform-team', ...spec },
    relations,
  } as Entity;
}

// Three ADRs: 1 superseded by 2, 2 superseded by 3.
const first = adr('adr-1', { status: 'superseded' }, [
  { type: 'supersededBy', targetRef: 'adr:default/adr-2' },
]);
const second = adr(
  'adr-2',
  {
    status: 'superseded',
    number: 2,
    date: '2025-03-04',
    deciders: ['Ada', 'Linus'],
    context: 'We need a **database**.',
    decision: 'Use PostgreSQL.',
    consequences: 'Ops must run it.',
  },
  [
    { type: 'supersedes', targetRef: 'adr:default/adr-1' },
    { type: 'supersededBy', targetRef: 'adr:default/adr-3' },
    { type: 'decidesAbout', targetRef: 'component:default/payments-api' },
  ],
);
const third = adr('adr-3', { status: 'accepted' }, [
  { type: 'supersedes', targetRef: 'adr:default/adr-2' },
]);

const catalogApi = {
  getEntities: jest.fn(async () => ({
    items: [
      {
        apiVersion: 'paved.dev/v1alpha1',
        kind: 'ADR',
        metadata: {
          name: 'shop-adr-0003',
          namespace: 'default',
          annotations: {
            'paved.dev/markdown-source': 'file:/repo/docs/adr/0003-queue.md',
          },
        },
      },
    ],
  })),
  getEntitiesByRefs: jest.fn(
    async ({ entityRefs }: { entityRefs: string[] }) => ({
      items: entityRefs.map(ref =>
        [first, second, third].find(
          e => `adr:default/${e.metadata.name}` === ref,
        ),
      ),
    }),
  ),
};

const RECORD = [
  '---',
  'status: accepted',
  'date: 2025-05-01',
  '---',
  '# Use a queue between checkout and payments',
  '',
  '## Context and Problem Statement',
  '',
  'Checkout calls payments synchronously.',
  '',
  '## Decision Outcome',
  '',
  'We put a queue in between. See [the earlier record](0003-queue.md) and [the runbook](../runbooks/queue.md).',
  '',
  '| Option | Cost |',
  '| --- | --- |',
  '| Queue | low |',
  '',
  '```mermaid',
  'graph LR; checkout --> queue --> payments',
  '```',
  '',
  '## Risks and Mitigations',
  '',
  '![Message flow](images/flow.svg)',
  '',
  '## Consequences',
  '',
  'Payments become eventually consistent.',
].join('\n');

const discoveryApi = {
  getBaseUrl: async (id: string) => `http://backend/api/${id}`,
};
const fetched: string[] = [];
const fetchApi = {
  fetch: jest.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
    const url = String(input);
    fetched.push(url);
    if (url.endsWith('/source')) {
      return new Response(RECORD, { status: 200 });
    }
    if (url.includes('path=images%2Fflow.svg')) {
      return new Response('<svg/>', {
        status: 200,
        headers: { 'content-type': 'image/svg+xml' },
      });
    }
    return new Response('{}', { status: 404 });
  }),
};

async function renderAdr(entity: Entity) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApi],
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
      ]}
    >
      <EntityProvider entity={entity}>
        <AdrContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('AdrContent', () => {
  it('shows status, number, date, people and the rendered sections', async () => {
    await renderAdr(second);
    expect(screen.getAllByTestId('status-superseded').length).toBeGreaterThan(
      0,
    );
    expect(screen.getByText(/ADR 2/)).toBeInTheDocument();
    expect(screen.getByText(/Mar 4, 2025/)).toBeInTheDocument();
    expect(screen.getByText(/Ada, Linus/)).toBeInTheDocument();
    const context = screen.getByRole('region', { name: 'context' });
    expect(within(context).getByText('database').tagName).toBe('STRONG');
    expect(screen.getByRole('region', { name: 'decision' })).toHaveTextContent(
      'Use PostgreSQL.',
    );
    expect(
      screen.getByRole('region', { name: 'consequences' }),
    ).toHaveTextContent('Ops must run it.');
  });

  it('walks the supersession chain both ways, oldest first', async () => {
    await renderAdr(second);
    const chain = await screen.findByRole('list', {
      name: 'Supersession chain',
    });
    const items = within(chain).getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      expect.stringContaining('Decision adr-1'),
      expect.stringContaining('Decision adr-2 (this)'),
      expect.stringContaining('Decision adr-3'),
    ]);
  });

  it('says when an ADR stands alone and has no sections', async () => {
    await renderAdr(adr('lonely', { status: 'proposed' }));
    expect(
      await screen.findByText(/Neither supersedes nor is superseded/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/no context, decision or consequences/),
    ).toBeInTheDocument();
    expect(screen.getByText('No date recorded')).toBeInTheDocument();
  });

  it('refuses entities that are not ADRs', async () => {
    await renderAdr({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x' },
    } as Entity);
    expect(screen.getByText(/Not an ADR/)).toBeInTheDocument();
  });

  it('links to its TechDocs page when the importer found one', async () => {
    const withDocs = adr('adr-4', { status: 'accepted' });
    withDocs.metadata.annotations = {
      'backstage.io/techdocs-entity': 'system:default/paved',
      'backstage.io/techdocs-entity-path': '/adr/0004-use-x/',
    };
    await renderAdr(withDocs);
    expect(
      screen.getByRole('link', { name: 'Read in TechDocs' }),
    ).toHaveAttribute('href', '/docs/default/system/paved/adr/0004-use-x/');
  });

  it('has no TechDocs link without the annotations', async () => {
    await renderAdr(adr('adr-5', { status: 'accepted' }));
    expect(screen.queryByRole('link', { name: 'Read in TechDocs' })).toBeNull();
  });

  it('renders the whole record from its Markdown file: every section, tables, Mermaid as code, relative links and images', async () => {
    const withSource = adr('shop-adr-0004', { status: 'accepted' });
    withSource.metadata.annotations = {
      'paved.dev/markdown-source': 'file:/repo/docs/adr/0004-queue.md',
    };
    await renderAdr(withSource);
    const risks = await screen.findByRole('region', {
      name: 'risks and mitigations',
    });
    expect(fetched).toContain(
      'http://backend/api/paved/adr/default/shop-adr-0004/source',
    );
    const image = await within(risks).findByRole('img', {
      name: 'Message flow',
    });
    expect(image.getAttribute('src')).toBe(
      `data:image/svg+xml;base64,${btoa('<svg/>')}`,
    );
    const decision = screen.getByRole('region', { name: 'decision' });
    expect(within(decision).getByText('Decision Outcome')).toBeInTheDocument();
    expect(within(decision).getByRole('table')).toHaveTextContent('Queue');
    expect(decision).toHaveTextContent('graph LR; checkout --> queue');
    expect(
      within(decision).getByRole('link', { name: 'the earlier record' }),
    ).toHaveAttribute('href', '/catalog/default/adr/shop-adr-0003');
    expect(screen.getByRole('region', { name: 'context' })).toHaveTextContent(
      'Checkout calls payments synchronously.',
    );
    expect(
      screen.getByRole('region', { name: 'consequences' }),
    ).toHaveTextContent('eventually consistent');
    // The title and front matter are the card's header and metadata.
    expect(
      screen.queryByText('Use a queue between checkout and payments'),
    ).toBeNull();
    expect(screen.queryByText(/status: accepted/)).toBeNull();
  });

  it('falls back to the stored sections when the file cannot be read', async () => {
    const broken = adr('shop-adr-0009', {
      status: 'accepted',
      decision: 'Stored decision.',
    });
    broken.metadata.annotations = {
      'paved.dev/markdown-source': 'file:/repo/docs/adr/0009-gone.md',
    };
    fetchApi.fetch.mockImplementationOnce(
      async () => new Response('{}', { status: 404 }),
    );
    await renderAdr(broken);
    expect(
      await screen.findByText(/Showing the stored sections only/),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'decision' })).toHaveTextContent(
      'Stored decision.',
    );
  });
});

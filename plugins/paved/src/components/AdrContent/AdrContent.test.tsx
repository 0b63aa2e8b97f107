import { Entity } from '@backstage/catalog-model';
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

async function renderAdr(entity: Entity) {
  return renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
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
});

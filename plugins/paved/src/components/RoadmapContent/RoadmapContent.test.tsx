import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { RoadmapContent } from './RoadmapContent';

const roadmap = {
  apiVersion: 'paved.dev/v1alpha1',
  kind: 'Roadmap',
  metadata: { name: 'platform', namespace: 'default' },
  relations: [
    { type: 'restsOn', targetRef: 'adr:default/platform-adr-0003' },
    { type: 'changes', targetRef: 'component:default/ingest-svc' },
  ],
  spec: {
    owner: 'group:default/platform-team',
    progress: { done: 3, total: 4 },
    phases: [
      {
        title: 'Phase 1: Foundation',
        progress: { done: 3, total: 3 },
        items: [
          {
            id: '1.1',
            title: 'Cluster baseline',
            status: 'done',
            priority: 'P0',
            adrs: ['adr:default/adr-0002', 'ADR-0003', 'ADR-0099'],
            runbooks: [
              'pod-pending',
              'runbooks/oomkilled.md',
              'https://wiki.example.com/quota-runbook',
              'the on-call wiki',
            ],
            components: ['component:default/ingest-svc', 'paved-app'],
            progress: { done: 3, total: 3 },
          },
        ],
      },
      {
        title: 'Phase 2: Tenancy',
        progress: { done: 0, total: 1 },
        items: [
          {
            id: '2.1',
            title: 'Quotas',
            status: 'in-progress',
            dependsOn: ['1.1'],
            progress: { done: 0, total: 1 },
          },
          {
            id: '2.2',
            title: 'Cost labels',
            status: 'planned',
            dependsOn: ['2.1'],
            adrs: ['ADR-0003'],
            estimate: '3d',
            progress: { done: 0, total: 0 },
          },
        ],
      },
    ],
  },
} as unknown as Entity;

describe('RoadmapContent', () => {
  beforeEach(async () => {
    await renderInTestApp(
      <EntityProvider entity={roadmap}>
        <RoadmapContent />
      </EntityProvider>,
    );
  });

  it('shows overall progress and each phase with its items', () => {
    expect(screen.getByText('3 of 4 tasks done (75%)')).toBeInTheDocument();
    expect(screen.getByText('2 phases, 3 items')).toBeInTheDocument();
    expect(screen.getByText('Phase 1: Foundation')).toBeInTheDocument();
    expect(screen.getByText('Cost labels')).toBeInTheDocument();
    expect(screen.getByText('0/1 tasks done')).toBeInTheDocument();
    // Named for assistive technology, under Paved's id for browser checks.
    expect(
      screen.getByRole('progressbar', { name: 'Roadmap tasks done' }),
    ).toHaveAttribute('aria-valuenow', '75');
    expect(
      screen
        .getByRole('group', { name: 'Roadmap progress' })
        .closest('#paved-roadmap'),
    ).not.toBeNull();
  });

  it('lists what is blocked and by what', () => {
    const blocked = screen.getByRole('list', { name: 'Blocked items' });
    const items = within(blocked).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent(
      '2.2 Cost labels — waits on 2.1 (in-progress) · rests on ADR-0003',
    );
    expect(
      within(screen.getByLabelText('Decisions 2.2 rests on')).getByRole(
        'link',
        { name: 'ADR-0003' },
      ),
    ).toHaveAttribute('href', '/catalog/default/adr/platform-adr-0003');
  });

  it('links the ADRs an item rests on', () => {
    expect(
      screen.getByRole('link', { name: 'adr:default/adr-0002' }),
    ).toHaveAttribute('href', '/catalog/default/adr/adr-0002');
  });

  it('links ADRs written as numbers through the roadmap relations', () => {
    expect(
      within(screen.getByLabelText('ADRs of 1.1')).getByRole('link', {
        name: 'ADR-0003',
      }),
    ).toHaveAttribute('href', '/catalog/default/adr/platform-adr-0003');
    // Not imported: shown as written.
    const adrs = screen.getByLabelText('ADRs of 1.1');
    expect(adrs).toHaveTextContent('ADR-0099');
    expect(within(adrs).queryByRole('link', { name: 'ADR-0099' })).toBeNull();
  });

  it("links an item's runbooks to their TechDocs pages, or as written", () => {
    const runbooks = screen.getByLabelText('Runbooks of 1.1');
    expect(
      within(runbooks).getByRole('link', { name: 'Pod stuck Pending' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/paved/runbooks/pod-pending/',
    );
    expect(
      within(runbooks).getByRole('link', { name: /OOMKilled/ }),
    ).toHaveAttribute('href', '/docs/default/system/paved/runbooks/oomkilled/');
    expect(
      within(runbooks).getByRole('link', {
        name: /^https:\/\/wiki.example.com\/quota-runbook/,
      }),
    ).toHaveAttribute('href', 'https://wiki.example.com/quota-runbook');
    expect(runbooks).toHaveTextContent('the on-call wiki');
  });

  it('links the components an item changes', () => {
    const components = screen.getByLabelText('Components 1.1 changes');
    expect(
      within(components).getByRole('link', {
        name: 'component:default/ingest-svc',
      }),
    ).toHaveAttribute('href', '/catalog/default/component/ingest-svc');
    expect(
      within(components).getByRole('link', { name: 'paved-app' }),
    ).toHaveAttribute('href', '/catalog/default/component/paved-app');
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  LunrSearchEngine,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import { PAVED_SEARCH_TYPE } from '@paved/plugin-paved-common';
import { PavedCollatorFactory } from './PavedCollatorFactory';

const adr: Entity = {
  apiVersion: 'paved.dev/v1alpha1',
  kind: 'ADR',
  metadata: {
    name: 'platform-adr-0007',
    namespace: 'default',
    title: 'Admission policy engine for tenant namespaces',
  },
  spec: {
    owner: 'group:default/platform-team',
    status: 'accepted',
    number: 7,
    context: 'Tenants create workloads that bypass the tier baseline.',
    decision:
      'We enforce the baseline with **Kyverno** `ClusterPolicy` objects in audit mode first.',
    consequences: 'Policy reports show on the conformance card.',
  },
};

const roadmap: Entity = {
  apiVersion: 'paved.dev/v1alpha1',
  kind: 'Roadmap',
  metadata: { name: 'platform-roadmap', title: 'Platform roadmap' },
  spec: {
    owner: 'group:default/platform-team',
    progress: { done: 1, total: 3 },
    phases: [
      {
        title: 'Phase 2: Tenancy',
        progress: { done: 1, total: 3 },
        items: [
          {
            id: '2.3',
            title: 'Namespace quotas from tenant tiers',
            status: 'blocked',
            dependsOn: ['2.1'],
            adrs: ['ADR-0007'],
            progress: { done: 0, total: 2 },
          },
          {
            id: '2.1',
            title: 'Tenant onboarding template',
            status: 'done',
            progress: { done: 1, total: 1 },
          },
        ],
      },
    ],
  },
};

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'kyverno-docs' },
  spec: { owner: 'group:default/platform-team', type: 'service' },
};

function factory(entities: Entity[], batchSize?: number) {
  return new PavedCollatorFactory({
    auth: mockServices.auth(),
    catalog: catalogServiceMock({ entities }),
    batchSize,
  });
}

describe('PavedCollatorFactory', () => {
  it('declares catalog read as the visibility permission, like the stock catalog collator', () => {
    const f = factory([]);
    expect(f.type).toBe(PAVED_SEARCH_TYPE);
    expect(f.visibilityPermission.name).toBe('catalog.entity.read');
  });

  it('collates one document per ADR, per roadmap and per roadmap item, each authorised by its entity', async () => {
    const { documents } = await TestPipeline.fromCollator(
      await factory([adr, roadmap, component]).getCollator(),
    ).execute();
    expect(documents.map(d => d.title)).toEqual([
      'Admission policy engine for tenant namespaces',
      'Platform roadmap',
      '2.3 Namespace quotas from tenant tiers',
      '2.1 Tenant onboarding template',
    ]);
    expect(documents[0]).toMatchObject({
      documentKind: 'adr',
      status: 'accepted',
      owner: 'group:default/platform-team',
      number: '7',
      location: '/catalog/default/adr/platform-adr-0007/decision',
      authorization: { resourceRef: 'adr:default/platform-adr-0007' },
    });
    expect(documents[0].text).toContain(
      'We enforce the baseline with Kyverno ClusterPolicy objects',
    );
    expect(documents[2]).toMatchObject({
      documentKind: 'roadmap-item',
      status: 'blocked',
      itemId: '2.3',
      phase: 'Phase 2: Tenancy',
      roadmap: 'Platform roadmap',
      location: '/catalog/default/roadmap/platform-roadmap/roadmap#item-2.3',
      authorization: { resourceRef: 'roadmap:default/platform-roadmap' },
    });
    expect(documents[2].text).toContain('Depends on: 2.1.');
    // Lunr takes its fields from the first document: all carry the same keys.
    const keys = Object.keys(documents[0]).sort();
    for (const d of documents) expect(Object.keys(d).sort()).toEqual(keys);
  });

  it('pages through the catalog', async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({
      ...adr,
      metadata: { ...adr.metadata, name: `adr-${i}` },
    }));
    const { documents } = await TestPipeline.fromCollator(
      await factory(many, 2).getCollator(),
    ).execute();
    expect(documents).toHaveLength(5);
  });

  it('indexes into the search engine: a word of a decision finds the ADR, a title finds the roadmap item', async () => {
    const engine = new LunrSearchEngine({ logger: mockServices.logger.mock() });
    await TestPipeline.fromCollator(
      await factory([adr, roadmap, component]).getCollator(),
    )
      .withIndexer(await engine.getIndexer(PAVED_SEARCH_TYPE))
      .execute();

    const kyverno = await engine.query({ term: 'Kyverno' });
    expect(kyverno.results.map(r => r.document.title)).toEqual([
      'Admission policy engine for tenant namespaces',
    ]);
    expect(kyverno.results[0].type).toBe(PAVED_SEARCH_TYPE);

    const quotas = await engine.query({
      term: 'Namespace quotas',
      types: [PAVED_SEARCH_TYPE],
    });
    expect(quotas.results[0].document).toMatchObject({
      title: '2.3 Namespace quotas from tenant tiers',
      status: 'blocked',
      documentKind: 'roadmap-item',
    });
  });
});

import { startTestBackend, mockServices } from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin, {
  CATALOG_ERRORS_TOPIC,
} from '@backstage/plugin-catalog-backend';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import path from 'node:path';
import { catalogModulePaved } from './module';

const fixture = path.join(__dirname, '__fixtures__', 'repo');

function errorCollector(sink: string[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-errors',
    register(reg) {
      reg.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          await events.subscribe({
            id: 'test-errors',
            topics: [CATALOG_ERRORS_TOPIC],
            async onEvent({ eventPayload }) {
              const { entity, errors } = eventPayload as {
                entity: string;
                errors: Array<{ message: string }>;
              };
              sink.push(...errors.map(e => `${entity}: ${e.message}`));
            },
          });
        },
      });
    },
  });
}

const relationsOf = (entity: Entity | undefined, type: string) =>
  (entity?.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();

describe('catalog module paved', () => {
  it('imports ADRs and a roadmap from Markdown, with relations both ways', async () => {
    const errors: string[] = [];
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModulePaved,
        errorCollector(errors),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Component', 'Location', 'ADR', 'Roadmap'] }],
              locations: [
                {
                  type: 'file',
                  target: path.join(fixture, 'catalog-info.yaml'),
                },
              ],
            },
          },
        }),
      ],
    });
    const { port } = server.address() as { port: number };
    const expected = [
      'component:default/ingest-svc',
      'adr:default/ingest-svc-adr-0001',
      'adr:default/ingest-svc-adr-0002',
      'adr:default/ingest-svc-adr-0003',
      'roadmap:default/ingest-svc-roadmap',
    ];
    let entities: Entity[] = [];
    const byRef = (ref: string) =>
      entities.find(e => stringifyEntityRef(e) === ref);
    for (let attempt = 0; attempt < 120; attempt++) {
      const response = await fetch(
        `http://localhost:${port}/api/catalog/entities`,
        {
          headers: { Authorization: 'Bearer mock-service-token' },
        },
      );
      entities = await response.json();
      const component = byRef('component:default/ingest-svc');
      const ready =
        expected.every(byRef) &&
        relationsOf(component, 'decidedBy').length === 3 &&
        relationsOf(byRef('adr:default/ingest-svc-adr-0003'), 'supersedes')
          .length === 1 &&
        errors.some(e => e.includes('0004'));
      if (ready) break;
      await new Promise(resolve => setTimeout(resolve, 250));
    }

    const refs = entities
      .filter(e => e.kind !== 'Location')
      .map(e => stringifyEntityRef(e));
    expect(refs.sort()).toEqual([...expected].sort());

    // The broken file is reported on its own entity, naming the file.
    expect(errors).toEqual([
      expect.stringMatching(
        /^adr:default\/ingest-svc-adr-0004: .*0004-broken\.md line \d+: front matter is not valid YAML/,
      ),
    ]);

    const [one, two, three] = [1, 2, 3].map(n =>
      byRef(`adr:default/ingest-svc-adr-000${n}`),
    );
    expect(three).toMatchObject({
      metadata: { title: 'Use CloudNativePG' },
      spec: {
        status: 'accepted',
        format: 'madr3',
        date: '2024-02-01',
        owner: 'group:default/platform-team',
      },
    });
    // Supersession, both directions, across the three formats.
    expect(relationsOf(one, 'supersededBy')).toEqual([
      'adr:default/ingest-svc-adr-0002',
    ]);
    expect(relationsOf(two, 'supersedes')).toEqual([
      'adr:default/ingest-svc-adr-0001',
    ]);
    expect(relationsOf(two, 'supersededBy')).toEqual([
      'adr:default/ingest-svc-adr-0003',
    ]);
    expect(relationsOf(three, 'supersedes')).toEqual([
      'adr:default/ingest-svc-adr-0002',
    ]);
    // Decides about the component that points at the folder, and back.
    expect(relationsOf(one, 'decidesAbout')).toEqual([
      'component:default/ingest-svc',
    ]);
    const component = byRef('component:default/ingest-svc');
    expect(relationsOf(component, 'decidedBy')).toEqual([
      'adr:default/ingest-svc-adr-0001',
      'adr:default/ingest-svc-adr-0002',
      'adr:default/ingest-svc-adr-0003',
    ]);
    expect(relationsOf(three, 'ownedBy')).toEqual([
      'group:default/platform-team',
    ]);

    // The roadmap: phases, items, progress and relations.
    const roadmap = byRef('roadmap:default/ingest-svc-roadmap');
    expect(roadmap?.metadata.title).toBe('Ingest roadmap');
    expect(roadmap?.spec).toMatchObject({
      owner: 'group:default/platform-team',
      progress: { done: 3, total: 5 },
      phases: [
        {
          title: 'Phase 1: Store',
          items: [
            { id: '1.1', status: 'done', adrs: ['ADR-0002'] },
            {
              id: '1.2',
              status: 'in-progress',
              priority: 'High',
              estimate: '2 weeks',
              dependsOn: ['1.1'],
            },
          ],
        },
        { title: 'Phase 2: Scale', items: [{ id: '2.1', status: 'planned' }] },
      ],
    });
    expect(relationsOf(roadmap, 'restsOn')).toEqual([
      'adr:default/ingest-svc-adr-0002',
      'adr:default/ingest-svc-adr-0003',
    ]);
    expect(relationsOf(two, 'supports')).toEqual([
      'roadmap:default/ingest-svc-roadmap',
    ]);
    expect(relationsOf(roadmap, 'changes')).toEqual([
      'component:default/ingest-svc',
    ]);
    expect(relationsOf(component, 'changedBy')).toEqual([
      'roadmap:default/ingest-svc-roadmap',
    ]);
    expect(relationsOf(roadmap, 'dependsOn')).toEqual([
      'roadmap:default/platform-roadmap',
    ]);
    expect(relationsOf(roadmap, 'ownedBy')).toEqual([
      'group:default/platform-team',
    ]);
  }, 60_000);
});

import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin, {
  CATALOG_ERRORS_TOPIC,
} from '@backstage/plugin-catalog-backend';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import pavedCatalogModule from '@paved/plugin-catalog-backend-module-paved';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// The portal's own catalog config, with its file targets (relative to the
// backend package, where the portal runs) made absolute for the test.
const backendDir = path.resolve(__dirname, '..');
const repoRoot = path.resolve(backendDir, '../..');
const portalCatalog = parse(
  readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
).catalog;
const catalogConfig = {
  ...portalCatalog,
  locations: portalCatalog.locations.map((l: { target: string }) => ({
    ...l,
    target: path.resolve(backendDir, l.target),
  })),
};

const suiteEntityRefs = parseAllDocuments(
  readFileSync(path.join(repoRoot, 'catalog-info.yaml'), 'utf8'),
).map(doc => stringifyEntityRef(doc.toJS() as Entity));

// The suite itself, and samples from each other location the portal reads.
const expectedRefs = [
  ...suiteEntityRefs,
  'component:default/payments-api',
  'resource:default/paved-local',
  'group:default/platform-team',
  'user:default/guest',
  'location:default/paved-templates',
  // Paved's own ADRs and roadmap, imported from Markdown by its catalog module.
  'adr:default/paved-adr-0001',
  'adr:default/paved-adr-0002',
  'adr:default/paved-adr-0003',
  'roadmap:default/paved-roadmap',
  // The example teams' decisions and the platform roadmap (examples/decisions).
  'system:default/platform',
  'adr:default/platform-adr-0004',
  'adr:default/platform-adr-0008',
  'adr:default/payments-api-adr-0002',
  'adr:default/checkout-web-adr-0003',
  'roadmap:default/platform-roadmap',
];

type CatalogEntity = Entity & {
  status?: { items?: Array<{ level: string; type: string; error?: any }> };
};

async function readAllEntities(baseUrl: string): Promise<CatalogEntity[]> {
  const response = await fetch(`${baseUrl}/api/catalog/entities`, {
    headers: { Authorization: 'Bearer mock-service-token' },
  });
  expect(response.status).toBe(200);
  return response.json();
}

function processingErrors(entities: CatalogEntity[]): string[] {
  return entities.flatMap(entity =>
    (entity.status?.items ?? [])
      .filter(item => item.level === 'error')
      .map(item => `${stringifyEntityRef(entity)}: ${item.error?.message}`),
  );
}

/**
 * Collects what the catalog publishes on its errors topic (the same events
 * the portal's logs module writes out), which includes entities rejected
 * before they reach the catalog and so carry no status of their own.
 */
function catalogErrorCollector(sink: string[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-error-collector',
    register(reg) {
      reg.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          await events.subscribe({
            id: 'test-error-collector',
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

describe('the portal catalog', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  it.each(databases.eachSupportedId())(
    'ingests catalog-info.yaml and the examples with no processing errors (%s)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const publishedErrors: string[] = [];
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          scaffolderEntityModel,
          pavedCatalogModule,
          catalogErrorCollector(publishedErrors),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({ data: { catalog: catalogConfig } }),
        ],
      });
      const { port } = server.address() as { port: number };
      const baseUrl = `http://localhost:${port}`;

      // Processing is asynchronous: wait until every suite entity is stitched
      // or an error shows (a rejected entity's error lands on its location).
      let entities: CatalogEntity[] = [];
      let errors: string[] = [];
      for (let attempt = 0; attempt < 120; attempt++) {
        entities = await readAllEntities(baseUrl);
        errors = [...publishedErrors, ...processingErrors(entities)];
        const refs = new Set(entities.map(e => stringifyEntityRef(e)));
        if (errors.length || expectedRefs.every(ref => refs.has(ref))) {
          break;
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      expect(errors).toEqual([]);
      const refs = entities.map(e => stringifyEntityRef(e));
      expect(refs).toEqual(expect.arrayContaining(expectedRefs));

      // The local portal's example decisions: at least 12 ADRs over the
      // three formats with supersession, and a roadmap of realistic size.
      const exampleAdrs = entities.filter(
        e =>
          e.kind === 'ADR' &&
          /^(platform|payments-api|checkout-web)-adr-/.test(e.metadata.name),
      );
      expect(exampleAdrs.length).toBeGreaterThanOrEqual(12);
      expect(new Set(exampleAdrs.map(e => e.spec?.format))).toEqual(
        new Set(['nygard', 'madr2', 'madr3']),
      );
      expect(
        exampleAdrs.filter(e => e.spec?.status === 'superseded').length,
      ).toBeGreaterThanOrEqual(3);
      const roadmap = entities.find(
        e => stringifyEntityRef(e) === 'roadmap:default/platform-roadmap',
      ) as any;
      const items = roadmap.spec.phases.flatMap((p: any) => p.items);
      expect(roadmap.spec.phases.length).toBeGreaterThanOrEqual(10);
      expect(items.length).toBeGreaterThanOrEqual(60);
      expect(items.find((i: any) => i.id === '4.4')).toMatchObject({
        dependsOn: ['4.3', '3.2'],
        adrs: ['ADR-0006'],
      });

      // The suite's components belong to the suite's system.
      const system = entities.find(
        e => stringifyEntityRef(e) === 'system:default/paved',
      );
      const parts = (system?.relations ?? [])
        .filter(r => r.type === 'hasPart')
        .map(r => r.targetRef);
      expect(parts).toEqual(
        expect.arrayContaining(
          suiteEntityRefs.filter(ref => ref.startsWith('component:')),
        ),
      );
    },
    60_000,
  );
});

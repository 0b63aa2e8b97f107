import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
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

describe('the portal catalog', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  it.each(databases.eachSupportedId())(
    'ingests catalog-info.yaml and the examples with no processing errors (%s)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          scaffolderEntityModel,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({ data: { catalog: catalogConfig } }),
        ],
      });
      const { port } = server.address() as { port: number };
      const baseUrl = `http://localhost:${port}`;

      // Processing is asynchronous: wait until every suite entity is stitched.
      let entities: CatalogEntity[] = [];
      for (let attempt = 0; attempt < 120; attempt++) {
        entities = await readAllEntities(baseUrl);
        const refs = new Set(entities.map(e => stringifyEntityRef(e)));
        if (suiteEntityRefs.every(ref => refs.has(ref))) break;
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      const refs = entities.map(e => stringifyEntityRef(e));
      expect(refs).toEqual(expect.arrayContaining(suiteEntityRefs));
      expect(refs).toEqual(
        expect.arrayContaining([
          'component:default/payments-api',
          'resource:default/paved-local',
          'group:default/platform-team',
          'location:default/paved-templates',
        ]),
      );

      const errors = entities.flatMap(entity =>
        (entity.status?.items ?? [])
          .filter(item => item.level === 'error')
          .map(item => `${stringifyEntityRef(entity)}: ${item.error?.message}`),
      );
      expect(errors).toEqual([]);

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

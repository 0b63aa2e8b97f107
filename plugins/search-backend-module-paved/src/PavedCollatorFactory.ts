import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  ADR_KIND,
  PAVED_API_VERSION,
  PAVED_SEARCH_TYPE,
  PavedSearchDocument,
  ROADMAP_KIND,
} from '@paved/plugin-paved-common';
import { Readable } from 'node:stream';
import { DEFAULT_BATCH_SIZE } from './config';
import { pavedSearchDocuments } from './documents';

/** A Paved search document as the search backend indexes it. */
export type IndexablePavedDocument = PavedSearchDocument & IndexableDocument;

/**
 * Collates ADR and Roadmap entities into the `paved-decisions` index, the way
 * the stock catalog collator does: pages of entities read from the catalog
 * with the plugin's own service credentials. Each document names its entity
 * in `authorization.resourceRef` and the factory declares the catalog's
 * `catalog.entity.read` as its visibility permission, so the search backend
 * shows a user only the documents of entities they may read.
 */
export class PavedCollatorFactory implements DocumentCollatorFactory {
  readonly type = PAVED_SEARCH_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;

  constructor(
    private readonly options: {
      auth: AuthService;
      catalog: CatalogService;
      batchSize?: number;
    },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  async *execute(): AsyncGenerator<IndexablePavedDocument> {
    const limit = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    let cursor: string | undefined;
    do {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      const response = await this.options.catalog.queryEntities(
        cursor
          ? { cursor, limit }
          : {
              filter: {
                apiVersion: PAVED_API_VERSION,
                kind: [ADR_KIND, ROADMAP_KIND],
              },
              limit,
              totalItems: 'exclude',
            },
        { credentials },
      );
      cursor = response.pageInfo.nextCursor;
      for (const entity of response.items) {
        const resourceRef = stringifyEntityRef(entity);
        for (const document of pavedSearchDocuments(entity)) {
          yield { ...document, authorization: { resourceRef } };
        }
      }
    } while (cursor);
  }
}

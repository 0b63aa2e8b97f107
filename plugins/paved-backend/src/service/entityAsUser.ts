import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The entity as the requesting user sees it: read with their credentials, so
 * an entity they may not see is an entity that is not there (404).
 */
export async function entityAsUser(
  catalog: CatalogService,
  ref: CompoundEntityRef,
  credentials: BackstageCredentials<BackstageUserPrincipal>,
): Promise<Entity> {
  const entity = await catalog.getEntityByRef(ref, { credentials });
  if (!entity) {
    throw new NotFoundError(`No entity ${stringifyEntityRef(ref)}`);
  }
  return entity;
}

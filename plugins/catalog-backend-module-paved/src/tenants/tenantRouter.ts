import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { tenantEntityProblems } from '@paved/plugin-paved-common';
import express from 'express';
import Router from 'express-promise-router';
import { PavedTenantProvider } from './PavedTenantProvider';
import { TenantStore } from './TenantStore';

/** Mounted on the catalog plugin: `/api/catalog/paved/tenants`. */
export const TENANT_ROUTE = '/paved/tenants';

const policies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/**
 * Checks an entity offered as a tenant the way the catalog would, then
 * Paved's own tenant rules; returns the entity (namespace defaulted) or
 * throws an InputError naming the field.
 */
export async function checkTenantEntity(raw: unknown): Promise<Entity> {
  const problems = tenantEntityProblems(raw);
  if (problems.length) {
    throw new InputError(`Not a tenant entity: ${problems.join('; ')}`);
  }
  let entity: Entity;
  try {
    entity = (await policies.enforce(raw as Entity)) ?? (raw as Entity);
    await resourceEntityV1alpha1Validator.check(entity);
  } catch (e) {
    throw new InputError(`Not a valid catalog entity: ${(e as Error).message}`);
  }
  return entity;
}

/**
 * Registers a tenant entity for the calling user, and removes one. The user
 * needs the catalog's own permissions: `catalog.entity.create` to register
 * (it creates a catalog entity, and portals already decide who may) and
 * `catalog.entity.delete` on the entity to remove it.
 */
export function createTenantRouter(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: TenantStore;
  provider: PavedTenantProvider;
  logger: LoggerService;
}): express.Router {
  const { httpAuth, permissions, store, provider, logger } = deps;
  const router = Router();
  router.use(TENANT_ROUTE, express.json({ limit: '64kb' }));
  router.post(TENANT_ROUTE, async (req, res) => {
    // A person registers a tenant (the scaffolder calls on their behalf).
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize(
      [{ permission: catalogEntityCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${catalogEntityCreatePermission.name}`,
      );
    }
    const entity = await checkTenantEntity(req.body?.entity);
    const by = credentials.principal.userEntityRef;
    const result = await store.upsert(entity, by);
    if (result !== 'unchanged') await provider.publish();
    const entityRef = stringifyEntityRef(entity);
    logger.info(`Tenant ${entityRef} ${result} by ${by}`);
    res.status(result === 'created' ? 201 : 200).json({ entityRef, result });
  });
  router.delete(`${TENANT_ROUTE}/:namespace/:name`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entityRef = stringifyEntityRef({
      kind: 'Resource',
      namespace: req.params.namespace,
      name: req.params.name,
    });
    const [decision] = await permissions.authorize(
      [{ permission: catalogEntityDeletePermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${catalogEntityDeletePermission.name} on ${entityRef}`,
      );
    }
    // Only what this route registered: other Resources are not tenants here.
    if ((await store.delete(entityRef)) === 'absent') {
      throw new NotFoundError(`No registered tenant ${entityRef}`);
    }
    await provider.publish();
    const by = credentials.principal.userEntityRef;
    logger.info(`Tenant ${entityRef} removed by ${by}`);
    res.status(200).json({ entityRef, result: 'deleted' });
  });
  return router;
}

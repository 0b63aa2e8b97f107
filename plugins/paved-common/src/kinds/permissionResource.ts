/**
 * The resource type of Paved's read permissions: every Paved read is about
 * a catalog entity (a component, a tenant, a cluster's Resource), so a policy
 * can decide with the catalog's own rules (owner, kind, annotation). Same
 * value as `RESOURCE_TYPE_CATALOG_ENTITY` in `@backstage/plugin-catalog-common`,
 * kept here so that paved-common needs no catalog package.
 * @public
 */
export const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

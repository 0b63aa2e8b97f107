export * from './constants';
export * from './entities';
export {
  adrEntityV1alpha1Schema,
  roadmapEntityV1alpha1Schema,
} from './schemas';
export {
  adrEntityV1alpha1Validator,
  roadmapEntityV1alpha1Validator,
} from './validators';
export { RESOURCE_TYPE_CATALOG_ENTITY } from './permissionResource';
export * from './searchDocuments';

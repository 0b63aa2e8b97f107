import {
  entityKindSchemaValidator,
  KindValidator,
} from '@backstage/catalog-model';
import type { AdrEntityV1alpha1, RoadmapEntityV1alpha1 } from './entities';
import {
  adrEntityV1alpha1Schema,
  roadmapEntityV1alpha1Schema,
} from './schemas';

function kindValidator(schema: unknown): KindValidator {
  const validate = entityKindSchemaValidator(schema);
  // entityKindSchemaValidator returns false for other kinds and throws with
  // the schema's complaint for this kind; KindValidator wants the same.
  return { check: async data => validate(data) === data };
}

/** Validates `ADR` entities; false for other kinds, throws when invalid. */
export const adrEntityV1alpha1Validator: KindValidator = kindValidator(
  adrEntityV1alpha1Schema,
);

/** Validates `Roadmap` entities; false for other kinds, throws when invalid. */
export const roadmapEntityV1alpha1Validator: KindValidator = kindValidator(
  roadmapEntityV1alpha1Schema,
);

export type { AdrEntityV1alpha1, RoadmapEntityV1alpha1 };

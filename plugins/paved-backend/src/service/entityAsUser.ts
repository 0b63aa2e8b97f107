import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The longest kind, namespace and name the catalog accepts with its default
 * rules (`KubernetesValidatorFunctions` in @backstage/catalog-model: 63 for
 * each). An entity no catalog can hold is refused before the catalog is asked.
 */
export const ENTITY_REF_PART_MAX_LENGTH = 63;

// C0 and C1 control characters, DEL included.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Why a part of an entity ref (`kind`, `namespace` or `name`, from a route's
 * path) cannot name a catalog entity, or `undefined` when it might.
 */
export function entityRefPartProblem(value: string): string | undefined {
  if (CONTROL.test(value)) {
    const at = value.search(CONTROL);
    const code = value.charCodeAt(at).toString(16).padStart(4, '0');
    return `control character U+${code.toUpperCase()} at position ${at} is not allowed`;
  }
  if (value.length > ENTITY_REF_PART_MAX_LENGTH) {
    return `at most ${ENTITY_REF_PART_MAX_LENGTH} characters, got ${value.length}`;
  }
  return undefined;
}

/** Throws an `InputError` (400) naming the part of `ref` that no entity can have. */
export function assertEntityRefParts(ref: CompoundEntityRef): void {
  for (const part of ['namespace', 'kind', 'name'] as const) {
    const problem = entityRefPartProblem(ref[part]);
    if (problem) throw new InputError(`Entity ${part}: ${problem}`);
  }
}

const statusOf = (error: unknown): unknown =>
  (error as { statusCode?: unknown; response?: { status?: unknown } })
    ?.statusCode ??
  (error as { response?: { status?: unknown } })?.response?.status;

/**
 * The entity as the requesting user sees it: read with their credentials, so
 * an entity they may not see is an entity that is not there (404). A ref no
 * entity can have is a 400 naming the part; a ref the catalog refuses is a
 * 400 naming the ref, not the catalog's bare "Request failed with 400".
 */
export async function entityAsUser(
  catalog: CatalogService,
  ref: CompoundEntityRef,
  credentials: BackstageCredentials<BackstageUserPrincipal>,
): Promise<Entity> {
  assertEntityRefParts(ref);
  let entity: Entity | undefined;
  try {
    entity = await catalog.getEntityByRef(ref, { credentials });
  } catch (error) {
    if (statusOf(error) === 400) {
      const why =
        (error as { body?: { error?: { message?: unknown } } })?.body?.error
          ?.message ?? (error as Error)?.message;
      throw new InputError(
        `The catalog refused the entity ref ${stringifyEntityRef(ref)}${
          typeof why === 'string' && why ? `: ${why}` : ''
        }`,
      );
    }
    throw error;
  }
  if (!entity) {
    throw new NotFoundError(`No entity ${stringifyEntityRef(ref)}`);
  }
  return entity;
}

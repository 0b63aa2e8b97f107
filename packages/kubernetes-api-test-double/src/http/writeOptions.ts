import {
  FieldError,
  invalid,
  required,
  forbidden,
} from '../validation/fieldErrors';
import { ApiError, invalidKind } from './status';

export type OptionsKind =
  | 'CreateOptions'
  | 'UpdateOptions'
  | 'PatchOptions'
  | 'DeleteOptions';

export interface WriteOptions {
  dryRun: boolean;
  fieldManager?: string;
  force?: boolean;
}

const goStringSlice = (values: string[]) =>
  `[]string{${values.map(v => JSON.stringify(v)).join(', ')}}`;

/**
 * Reads dryRun, fieldManager and force, refusing bad values with the
 * `<Kind>Options.meta.k8s.io "" is invalid` 422 the real server sends.
 */
export function parseWriteOptions(
  kind: OptionsKind,
  query: URLSearchParams,
  opts: { apply?: boolean } = {},
): WriteOptions {
  const errors: FieldError[] = [];
  const dryRun = query.getAll('dryRun');
  if (dryRun.some(v => v !== 'All')) {
    errors.push({
      reason: 'FieldValueNotSupported',
      field: 'dryRun',
      detail: 'supported values: "All"',
      badValue: goStringSlice(dryRun),
    });
  }
  const fieldManager = query.get('fieldManager') ?? undefined;
  if (fieldManager !== undefined && fieldManager.length > 128) {
    errors.push(
      invalid('fieldManager', fieldManager, 'must have at most 128 characters'),
    );
  }
  const fieldValidation = query.get('fieldValidation');
  if (
    fieldValidation !== null &&
    !['', 'Ignore', 'Warn', 'Strict'].includes(fieldValidation)
  ) {
    errors.push({
      reason: 'FieldValueNotSupported',
      field: 'fieldValidation',
      detail: 'supported values: "Ignore", "Strict", "Warn"',
      badValue: fieldValidation,
    });
  }
  const forceParam = query.get('force');
  if (kind === 'PatchOptions') {
    if (opts.apply && !fieldManager)
      errors.push(required('fieldManager', 'is required for apply patch'));
    if (!opts.apply && forceParam !== null) {
      errors.push(
        forbidden('force', 'may not be specified for non-apply patch'),
      );
    }
  }
  if (errors.length > 0) {
    throw fixUnsupported(
      invalidKind(`${kind}.meta.k8s.io`, 'meta.k8s.io', kind, '', errors),
    );
  }
  return {
    dryRun: dryRun.length > 0,
    fieldManager,
    force: forceParam === 'true' || forceParam === '1',
  };
}

// Go prints the []string bad value unquoted; the generic printer would quote it.
function fixUnsupported(err: ApiError): ApiError {
  const s = err.status;
  s.message = s.message?.replace(/"(\[\]string\{.*?\})"/g, (_m, inner) =>
    inner.replace(/\\"/g, '"'),
  );
  for (const c of s.details?.causes ?? []) {
    c.message = c.message?.replace(/"(\[\]string\{.*?\})"/g, (_m, inner) =>
      inner.replace(/\\"/g, '"'),
    );
  }
  return err;
}

/** The field manager recorded for a write that names none: the User-Agent's product. */
export function managerFromUserAgent(userAgent: string | undefined): string {
  const product = (userAgent ?? '').split('/')[0].trim();
  return product || 'unknown';
}

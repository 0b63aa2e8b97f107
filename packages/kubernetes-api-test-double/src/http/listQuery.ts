import { checkFieldLabels, fieldValues } from '../selectors/fieldLabels';
import {
  matchesFieldSelector,
  parseFieldSelector,
} from '../selectors/fieldSelector';
import {
  matchesLabelSelector,
  parseLabelSelector,
} from '../selectors/labelSelector';
import { SelectorError } from '../selectors/errors';
import { ResourceType } from '../resources/types';
import {
  ContinueTokenError,
  decodeContinueToken,
  ContinuePosition,
} from '../store/continueToken';
import { KubeObject } from '../types';
import { badRequest } from './status';

export interface ListQuery {
  filter?: (obj: KubeObject) => boolean;
  limit?: number;
  continueFrom?: ContinuePosition;
  resourceVersion?: string;
  resourceVersionMatch?: string;
}

/** Reads the list options of a request; bad selectors and tokens are 400s. */
export function parseListQuery(
  rt: ResourceType,
  query: URLSearchParams,
): ListQuery {
  const out: ListQuery = {};
  try {
    const labels = parseLabelSelector(query.get('labelSelector') ?? '');
    const fields = parseFieldSelector(query.get('fieldSelector') ?? '');
    checkFieldLabels(rt.group, rt.kind, fields);
    if (labels.length > 0 || fields.length > 0) {
      out.filter = obj =>
        matchesLabelSelector(labels, obj.metadata.labels) &&
        matchesFieldSelector(fields, fieldValues(rt.group, rt.kind, obj));
    }
  } catch (e) {
    if (e instanceof SelectorError) throw badRequest(e.message);
    throw e;
  }

  const limit = query.get('limit');
  if (limit !== null && limit !== '') {
    const n = Number(limit);
    if (!Number.isInteger(n))
      throw badRequest(`limit: Invalid value: "${limit}": must be an integer`);
    if (n > 0) out.limit = n;
  }

  const token = query.get('continue');
  if (token) {
    try {
      out.continueFrom = decodeContinueToken(token);
    } catch (e) {
      if (e instanceof ContinueTokenError)
        throw badRequest(`invalid continue token: ${e.message}`);
      throw e;
    }
  }
  out.resourceVersion = query.get('resourceVersion') ?? undefined;
  out.resourceVersionMatch = query.get('resourceVersionMatch') ?? undefined;
  if (out.continueFrom && out.resourceVersion && out.resourceVersion !== '0') {
    throw badRequest(
      'specifying resource version is not allowed when using continue',
    );
  }
  return out;
}

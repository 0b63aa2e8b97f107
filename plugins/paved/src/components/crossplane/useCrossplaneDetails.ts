import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  CrossplaneClaimDetails,
  CrossplaneDetailsResponse,
  CrossplaneObjectRef,
} from '@paved/plugin-paved-common';
import useAsync from 'react-use/esm/useAsync';
import { pavedCrossplaneApiRef } from '../../api';

const sameRef = (a: CrossplaneObjectRef, b: CrossplaneObjectRef) =>
  a.uid && b.uid
    ? a.uid === b.uid
    : a.apiVersion === b.apiVersion &&
      a.kind === b.kind &&
      a.name === b.name &&
      (a.namespace ?? '') === (b.namespace ?? '');

/** One claim's panels from the entity's details, or the cluster's error. */
export type ClaimDetailsLookup = (
  claim: CrossplaneObjectRef,
) =>
  | { loading: true }
  | { error: string }
  | { details: CrossplaneClaimDetails }
  | undefined;

export function lookupIn(
  response: CrossplaneDetailsResponse,
  claim: CrossplaneObjectRef,
): ReturnType<ClaimDetailsLookup> {
  for (const cluster of response.clusters) {
    if (!cluster.ok) continue;
    const found = cluster.data.claims.find(c => sameRef(c.claim, claim));
    if (found) return { details: found };
  }
  const failed = response.clusters.find(c => !c.ok);
  return failed && !failed.ok ? { error: failed.error.message } : undefined;
}

/** The panels behind the current entity's claims, read once per entity. */
export function useCrossplaneDetails(): ClaimDetailsLookup {
  const { entity } = useEntity();
  const api = useApi(pavedCrossplaneApiRef);
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getEntityDetails(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
  return claim => {
    if (loading) return { loading: true };
    if (error) return { error: error.message };
    return value ? lookupIn(value, claim) : undefined;
  };
}

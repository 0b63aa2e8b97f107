import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { pavedCrossplaneApiRef } from '../../api';
import { usePolledRead } from '../common/refresh/usePolledRead';

/** The current entity's claims from Paved's backend, read again as it changes. */
export function useCrossplaneClaims() {
  const { entity } = useEntity();
  const api = useApi(pavedCrossplaneApiRef);
  const ref = getCompoundEntityRef(entity);
  return usePolledRead(
    ({ fresh }) => api.getEntityClaims(ref, { fresh }),
    [api, ref.kind, ref.namespace, ref.name],
  );
}

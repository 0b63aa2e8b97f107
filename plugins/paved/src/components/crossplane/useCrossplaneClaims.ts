import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { pavedCrossplaneApiRef } from '../../api';

/** The current entity's claims from Paved's backend. */
export function useCrossplaneClaims() {
  const { entity } = useEntity();
  const api = useApi(pavedCrossplaneApiRef);
  const ref = getCompoundEntityRef(entity);
  return useAsync(
    () => api.getEntityClaims(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
}

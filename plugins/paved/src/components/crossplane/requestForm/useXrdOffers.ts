import { useApi } from '@backstage/core-plugin-api';
import type { XrdOffersResponse } from '@paved/plugin-paved-common';
import useAsync from 'react-use/esm/useAsync';
import { pavedCrossplaneApiRef } from '../../../api';

/** The fields of the other form steps a request field reads. */
export interface RequestFormOptions {
  /** The form field holding the cluster's name. Default `cluster`. */
  clusterField?: string;
  /** The form field holding the XRD's name. Default `xrd`. */
  xrdField?: string;
}

/** A named value from the whole form (all steps so far), if it is text. */
export function formValue(
  formContext: unknown,
  field: string,
): string | undefined {
  const value = (formContext as { formData?: Record<string, unknown> })
    ?.formData?.[field];
  return typeof value === 'string' && value ? value : undefined;
}

/** What the chosen cluster offers, read as the user; nothing until one is chosen. */
export function useXrdOffers(cluster: string | undefined): {
  loading: boolean;
  error?: Error;
  value?: XrdOffersResponse;
} {
  const api = useApi(pavedCrossplaneApiRef);
  return useAsync(
    async () => (cluster ? api.getXrdOffers(cluster) : undefined),
    [api, cluster],
  );
}

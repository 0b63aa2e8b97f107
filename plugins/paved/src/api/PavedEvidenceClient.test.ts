import { PavedApiError } from './PavedApiError';
import { PavedEvidenceClient } from './PavedEvidenceClient';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

const ENTITY = {
  kind: 'Component',
  namespace: 'default',
  name: 'ledger-worker',
};
const POD = {
  cluster: 'paved-local',
  namespace: 'payments',
  kind: 'Pod' as const,
  name: 'ledger-worker-1',
  container: 'ledger-worker',
};

function client(respond: () => Promise<Response>) {
  const fetch = jest.fn((_url: string, _init?: RequestInit) => respond());
  const getBaseUrl = jest.fn(async () => 'http://backstage:7007/api/paved');
  return {
    api: new PavedEvidenceClient({
      discoveryApi: { getBaseUrl },
      fetchApi: { fetch: fetch as any },
    }),
    fetch,
  };
}

describe('PavedEvidenceClient', () => {
  it("asks for a Pod's evidence by entity, cluster, namespace, Pod and container", async () => {
    const body = { entityRef: 'component:default/ledger-worker' };
    const { api, fetch } = client(async () => json(200, body));
    await expect(api.getEvidence(ENTITY, POD)).resolves.toEqual(body);
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/paved/evidence/entity/default/component/ledger-worker?cluster=paved-local&namespace=payments&pod=ledger-worker-1&container=ledger-worker',
    );
  });

  it("asks for a workload's evidence as workload=<Kind>/<name>", async () => {
    const { api, fetch } = client(async () => json(200, {}));
    await api.getEvidence(ENTITY, {
      cluster: 'prod eu',
      namespace: 'payments',
      kind: 'StatefulSet',
      name: 'ledger-worker',
    });
    expect(fetch.mock.calls[0][0]).toMatch(
      /\?cluster=prod\+eu&namespace=payments&workload=StatefulSet%2Fledger-worker$/,
    );
  });

  it.each([
    [
      403,
      /lack the permission paved\.logs\.read on Component:default\/ledger-worker/,
    ],
    [404, /^No Pod payments\/ledger-worker-1 of/],
    [401, /sign in again/],
    [500, /failed to read the evidence.*HTTP 500/],
  ])('turns HTTP %s into a PavedApiError', async (status, message) => {
    const { api } = client(async () =>
      json(status, {
        error: {
          name: 'Error',
          message:
            'No Pod payments/ledger-worker-1 of component:default/ledger-worker',
        },
      }),
    );
    const error = await api.getEvidence(ENTITY, POD).catch(e => e);
    expect(error).toBeInstanceOf(PavedApiError);
    expect(error.statusCode).toBe(status);
    expect(error.message).toMatch(message);
  });
});

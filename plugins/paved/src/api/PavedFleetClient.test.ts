import { PavedApiError } from './PavedApiError';
import { PavedFleetClient } from './PavedFleetClient';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

function client(respond: () => Promise<Response>) {
  const fetch = jest.fn((_url: string, _init?: RequestInit) => respond());
  const getBaseUrl = jest.fn(async () => 'http://backstage:7007/api/paved');
  return {
    api: new PavedFleetClient({
      discoveryApi: { getBaseUrl },
      fetchApi: { fetch: fetch as any },
    }),
    fetch,
  };
}

describe('PavedFleetClient', () => {
  it('reads /fleet through the fetch API', async () => {
    const body = { clusters: [{ cluster: 'a', readiness: 'ready' }] };
    const { api, fetch } = client(async () => json(200, body));
    await expect(api.getFleet()).resolves.toEqual(body);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backstage:7007/api/paved/fleet',
    );
  });

  it('says which permission a 403 lacks', async () => {
    const { api } = client(async () =>
      json(403, { error: { message: 'Missing permission paved.fleet.read' } }),
    );
    const error = await api.getFleet({ fresh: true }).catch(e => e);
    expect(error).toBeInstanceOf(PavedApiError);
    expect(error.statusCode).toBe(403);
    expect(error.message).toMatch(/paved\.fleet\.read/);
  });
});

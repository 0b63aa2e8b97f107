import { DEFAULT_ADMIN_TOKEN } from '../auth/tokens';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '../startServer';
import { ESTABLISH_DELAY_ANNOTATION, establishDelayMs } from './crd';

let double: KubernetesApiTestDouble;
beforeEach(async () => {
  double = await startKubernetesApiTestDouble({ port: 0 });
});
afterEach(() => double.close());

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${double.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const crd = (annotations?: Record<string, string>) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.slow.paved.dev', annotations },
  spec: {
    group: 'slow.paved.dev',
    scope: 'Namespaced',
    names: { kind: 'Widget', plural: 'widgets' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
          },
        },
      },
    ],
  },
});

const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const conditionsOf = async () =>
  Object.fromEntries(
    (
      await call('GET', `${CRDS}/widgets.slow.paved.dev`)
    ).body.status.conditions.map((c: { type: string; status: string }) => [
      c.type,
      c.status,
    ]),
  );

describe('CRD establishment', () => {
  it('is immediate without the delay annotation', async () => {
    expect((await call('POST', CRDS, crd())).status).toBe(201);
    expect(await conditionsOf()).toEqual({
      NamesAccepted: 'True',
      Established: 'True',
    });
    expect((await call('GET', '/apis/slow.paved.dev/v1')).status).toBe(200);
  });

  it('with the delay annotation: Installing and not served, then Established and served', async () => {
    const created = await call(
      'POST',
      CRDS,
      crd({ [ESTABLISH_DELAY_ANNOTATION]: '400' }),
    );
    expect(created.status).toBe(201);
    expect(await conditionsOf()).toEqual({
      NamesAccepted: 'True',
      Established: 'False',
    });
    expect((await call('GET', '/apis/slow.paved.dev/v1')).status).toBe(404);
    await new Promise(r => setTimeout(r, 600));
    expect(await conditionsOf()).toEqual({
      NamesAccepted: 'True',
      Established: 'True',
    });
    const discovery = await call('GET', '/apis/slow.paved.dev/v1');
    expect(
      discovery.body.resources.map((r: { kind: string }) => r.kind),
    ).toEqual(['Widget']);
  });

  it('reads the annotation as whole milliseconds, capped at a minute', () => {
    const of = (v?: string) =>
      establishDelayMs({
        apiVersion: 'x',
        kind: 'y',
        metadata: {
          annotations:
            v === undefined ? {} : { [ESTABLISH_DELAY_ANNOTATION]: v },
        },
      } as any);
    expect([
      of(),
      of('250'),
      of('-5'),
      of('1.5'),
      of('x'),
      of('999999'),
    ]).toEqual([0, 250, 0, 0, 0, 60_000]);
  });
});

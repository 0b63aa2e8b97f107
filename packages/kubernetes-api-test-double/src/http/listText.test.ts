import { DEFAULT_ADMIN_TOKEN } from '../auth/tokens';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from '../startServer';
import { listText } from './listText';

describe('listText', () => {
  it('writes what JSON.stringify writes, items reused or not', () => {
    const shared = { name: 'a', resourceVersion: '1' };
    const items: any[] = [
      { metadata: shared, spec: { x: 1, y: undefined, z: 'ü ✓ "q"' } },
      { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'b' } },
      { metadata: { name: 'c' }, status: { when: null, list: [1, '2'] } },
    ];
    const head = { apiVersion: 'v1', kind: 'PodList', metadata: {} };
    const expected = JSON.stringify({ ...head, items });
    expect(listText(head, items).toString('utf8')).toBe(expected);
    // Again, now from kept texts.
    expect(listText(head, items).toString('utf8')).toBe(expected);
    expect(listText({}, []).toString('utf8')).toBe(
      JSON.stringify({ items: [] }),
    );
    expect(
      listText({ apiVersion: 'v1', kind: undefined }, items).toString('utf8'),
    ).toBe(JSON.stringify({ apiVersion: 'v1', kind: undefined, items }));
  });

  it('does not reuse a text when the served variant or resourceVersion differs', () => {
    const metadata = { name: 'a', resourceVersion: '1' };
    const head = { apiVersion: 'v1' };
    expect(listText(head, [{ metadata }]).toString()).toBe(
      '{"apiVersion":"v1","items":[{"metadata":{"name":"a","resourceVersion":"1"}}]}',
    );
    expect(
      listText(head, [
        { apiVersion: 'x/v2', kind: 'X', metadata } as any,
      ]).toString(),
    ).toContain('"apiVersion":"x/v2"');
    metadata.resourceVersion = '2';
    expect(listText(head, [{ metadata }]).toString()).toContain(
      '"resourceVersion":"2"',
    );
  });
});

describe('lists over HTTP', () => {
  let double: KubernetesApiTestDouble;
  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({
      now: () => new Date('2026-11-21T05:00:00Z'),
    });
  });
  afterAll(() => double.close());

  const request = (path: string, init: RequestInit = {}) =>
    fetch(`${double.url}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}`,
        ...(init.headers as Record<string, string>),
      },
    });

  it('serves the same bytes as JSON.stringify, and a changed object afresh', async () => {
    const first = await (await request('/api/v1/pods')).text();
    expect(JSON.stringify(JSON.parse(first))).toBe(first);
    expect(await (await request('/api/v1/pods')).text()).toBe(first);

    const [pod] = JSON.parse(first).items;
    const { namespace, name } = pod.metadata;
    const patched = await request(
      `/api/v1/namespaces/${namespace}/pods/${name}`,
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({
          metadata: { labels: { 'list-text-test': 'changed' } },
        }),
      },
    );
    expect(patched.status).toBe(200);
    const after = JSON.parse(
      await (await request(`/api/v1/namespaces/${namespace}/pods`)).text(),
    );
    const changed = after.items.find((i: any) => i.metadata.name === name);
    expect(changed.metadata.labels['list-text-test']).toBe('changed');
    expect(changed.metadata.resourceVersion).not.toBe(
      pod.metadata.resourceVersion,
    );
  });
});

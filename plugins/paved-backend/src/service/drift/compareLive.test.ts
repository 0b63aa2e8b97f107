import { compareLive } from './compareLive';
import { LiveReader, UnreadableError } from './liveReader';

const object = (apiVersion: string, kind: string, name: string) => ({
  apiVersion,
  kind,
  metadata: { name, namespace: 'apps' },
  data: { a: '1' },
});

/** A reader that answers from a map and records what it was asked. */
function fakeReader(answers: Record<string, unknown | Error>) {
  const asked: string[] = [];
  const reader = {
    get: async (o: { kind: string; metadata: { name?: string } }) => {
      const key = `${o.kind}/${o.metadata.name}`;
      asked.push(key);
      const a = answers[key];
      if (a instanceof Error) throw a;
      return a;
    },
  } as unknown as LiveReader;
  return { reader, asked };
}

describe('compareLive', () => {
  it('never reads a Secret and says so; a refused read is that object’s, not the cluster’s', async () => {
    const cm = object('v1', 'ConfigMap', 'settings');
    const { reader, asked } = fakeReader({
      'ConfigMap/settings': { ...cm, data: { a: '2' } },
      'Role/r': new UnreadableError('the cluster refused the read (403)', 403),
    });
    const results = await compareLive(
      [
        object('v1', 'Secret', 'token'),
        cm,
        object('rbac.authorization.k8s.io/v1', 'Role', 'r'),
        object('v1', 'ConfigMap', 'gone'),
      ],
      reader,
    );
    expect(asked).not.toContain('Secret/token');
    expect(results.map(r => [r.object.kind, r.state, r.reason])).toEqual([
      ['Secret', 'not-compared', 'Paved never reads Secrets'],
      ['ConfigMap', 'drifted', undefined],
      ['Role', 'not-compared', 'the cluster refused the read (403)'],
      ['ConfigMap', 'missing', undefined],
    ]);
  });

  it('uses what an earlier list read instead of asking again', async () => {
    const cm = object('v1', 'ConfigMap', 'settings');
    const { reader, asked } = fakeReader({});
    const [r] = await compareLive(
      [cm],
      reader,
      new Map([['v1 ConfigMap apps/settings', cm]]),
    );
    expect(r.state).toBe('in-sync');
    expect(asked).toEqual([]);
  });

  it('fails the cluster on anything but an unreadable object', async () => {
    const { reader } = fakeReader({
      'ConfigMap/settings': new Error('Cluster unreachable'),
    });
    await expect(
      compareLive([object('v1', 'ConfigMap', 'settings')], reader),
    ).rejects.toThrow('Cluster unreachable');
  });
});

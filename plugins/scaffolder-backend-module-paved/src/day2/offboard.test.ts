import { deletionOrder, runningPods } from './offboard';

describe('runningPods', () => {
  it('counts every phase but Succeeded and Failed as running, a Pod without status too', () => {
    const pod = (name: string, phase?: string) => ({
      metadata: { name, namespace: 'a-dev' },
      ...(phase ? { status: { phase } } : {}),
    });
    expect(
      runningPods([
        pod('run', 'Running'),
        pod('wait', 'Pending'),
        pod('lost', 'Unknown'),
        pod('new'),
        pod('done', 'Succeeded'),
        pod('crashed', 'Failed'),
      ]).map(p => `${p.name} ${p.phase}`),
    ).toEqual(['run Running', 'wait Pending', 'lost Unknown', 'new Pending']);
  });
});

describe('deletionOrder', () => {
  it('deletes an HNC parent namespace after its children', () => {
    const ns = (name: string) => ({ kind: 'Namespace', metadata: { name } });
    expect(
      deletionOrder([
        ns('acme'),
        ns('acme-dev'),
        {
          kind: 'HierarchyConfiguration',
          metadata: { name: 'hierarchy' },
          spec: { parent: 'acme' },
        },
        ns('acme-prod'),
      ]).map(o => `${o.kind} ${o.metadata.name}`),
    ).toEqual([
      'HierarchyConfiguration hierarchy',
      'Namespace acme-dev',
      'Namespace acme-prod',
      'Namespace acme',
    ]);
  });

  it('puts namespaces last and keeps the rest in order', () => {
    expect(
      deletionOrder([
        { kind: 'Namespace', n: 1 },
        { kind: 'Role', n: 2 },
        { kind: 'Namespace', n: 3 },
        { kind: 'AppProject', n: 4 },
      ]).map(o => o.n),
    ).toEqual([2, 4, 1, 3]);
  });
});

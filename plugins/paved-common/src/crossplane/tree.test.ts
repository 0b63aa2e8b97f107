import {
  claimRunbookUrl,
  claimStatus,
  countConditions,
  firstNotReadyReason,
  orderTree,
} from './tree';
import { CrossplaneNode, CrossplaneNodeState } from './types';

const cond = (type: 'Synced' | 'Ready', status: any, reason?: string) => ({
  type,
  status,
  ...(reason ? { reason, message: `${type} ${reason}` } : {}),
});

function node(
  name: string,
  state: CrossplaneNodeState,
  children: CrossplaneNode[] = [],
  extra: Partial<CrossplaneNode> = {},
): CrossplaneNode {
  const ok = state === 'ready';
  return {
    ref: { apiVersion: 'x/v1', kind: 'K', name },
    role: 'managed',
    state,
    synced: cond(
      'Synced',
      state === 'not-ready' ? 'False' : 'True',
      state === 'not-ready' ? 'ReconcileError' : undefined,
    ),
    ready: cond('Ready', ok ? 'True' : 'False', ok ? undefined : 'Creating'),
    events: [],
    children,
    ...extra,
  };
}

describe('claim tree rules', () => {
  const failing = node('rds', 'not-ready');
  const tree = node(
    'claim',
    'not-ready',
    [node('xr', 'not-ready', [node('bucket', 'ready'), failing])],
    { role: 'claim' },
  );

  it('orders not-ready first, keeping order among equals', () => {
    const ordered = orderTree(
      node('root', 'ready', [
        node('a', 'ready'),
        node('b', 'unknown'),
        node('c', 'missing'),
        node('d', 'not-ready'),
        node('e', 'unreadable'),
      ]),
    );
    expect(ordered.children.map(c => c.ref.name)).toEqual([
      'c',
      'd',
      'e',
      'b',
      'a',
    ]);
  });

  it('lifts a parent whose grandchild fails', () => {
    const ordered = orderTree(
      node('root', 'ready', [
        node('ok', 'ready'),
        node('xr', 'ready', [node('mr', 'not-ready')]),
      ]),
    );
    expect(ordered.children[0].ref.name).toBe('xr');
  });

  it('finds the deepest failing object and prefers its Synced reason', () => {
    expect(firstNotReadyReason(tree)).toEqual({
      ref: failing.ref,
      role: 'managed',
      condition: 'Synced',
      reason: 'ReconcileError',
      message: 'Synced ReconcileError',
    });
  });

  it('reports a missing object as Missing with the problem', () => {
    const reason = firstNotReadyReason(
      node('claim', 'not-ready', [
        node('xr', 'missing', [], { problem: 'not found' }),
      ]),
    );
    expect(reason).toMatchObject({ reason: 'Missing', message: 'not found' });
  });

  it('has no reason when all is ready', () => {
    expect(firstNotReadyReason(node('c', 'ready', [node('m', 'ready')]))).toBe(
      undefined,
    );
  });

  it('counts conditions, skipping objects that could not be read', () => {
    const counts = countConditions(
      node('c', 'ready', [node('m', 'not-ready'), node('x', 'unreadable')]),
    );
    expect(counts.synced).toEqual({ True: 1, False: 1, Unknown: 0, Absent: 0 });
    expect(counts.ready).toEqual({ True: 1, False: 1, Unknown: 0, Absent: 0 });
  });

  it.each([
    [node('c', 'ready', [node('m', 'ready')]), 'ready'],
    [tree, 'not-ready'],
    [node('c', 'deleting', [node('m', 'not-ready')]), 'deleting'],
    [node('c', 'ready', [node('m', 'unknown')]), 'unknown'],
    [node('c', 'ready', [node('m', 'unreadable')]), 'unknown'],
    [node('c', 'ready', [node('m', 'missing')]), 'not-ready'],
  ])('status of tree %#', (root, want) => {
    expect(claimStatus(root)).toBe(want);
  });

  it('links the runbook only when not ready', () => {
    expect(claimRunbookUrl('not-ready')).toBe(
      '/docs/default/system/paved/runbooks/crossplane-claim-not-ready/',
    );
    expect(claimRunbookUrl('ready')).toBeUndefined();
  });
});

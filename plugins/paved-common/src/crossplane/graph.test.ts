import { claimGraph } from './graph';
import type { CrossplaneNode } from './types';

const node = (
  kind: string,
  name: string,
  children: CrossplaneNode[] = [],
  uid?: string,
): CrossplaneNode => ({
  ref: { apiVersion: 'x/v1', kind, name, ...(uid ? { uid } : {}) },
  role: children.length ? 'composite' : 'managed',
  state: 'ready',
  synced: { type: 'Synced', status: 'True' },
  ready: { type: 'Ready', status: 'True' },
  events: [],
  children,
});

describe('claimGraph', () => {
  it('has a node per object and an edge per parent -> child', () => {
    const tree = node('Claim', 'c', [
      node('XR', 'xr', [node('Bucket', 'b'), node('Instance', 'i')], 'u-xr'),
    ]);
    const { nodes, edges } = claimGraph(tree);
    expect(nodes.map(n => n.ref.name)).toEqual(['c', 'xr', 'b', 'i']);
    expect(nodes[1].id).toBe('u-xr');
    expect(edges).toEqual([
      { from: nodes[0].id, to: 'u-xr' },
      { from: 'u-xr', to: nodes[2].id },
      { from: 'u-xr', to: nodes[3].id },
    ]);
  });

  it('keeps two unreadable stubs of the same ref apart', () => {
    const tree = node('XR', 'xr', [
      node('Bucket', 'gone'),
      node('Bucket', 'gone'),
    ]);
    const ids = claimGraph(tree).nodes.map(n => n.id);
    expect(new Set(ids).size).toBe(3);
  });
});

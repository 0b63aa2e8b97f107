import type {
  CrossplaneNode,
  CrossplaneNodeRole,
  CrossplaneNodeState,
  CrossplaneObjectRef,
} from './types';

/** A node of a claim's graph. @public */
export interface CrossplaneGraphNode {
  id: string;
  ref: CrossplaneObjectRef;
  role: CrossplaneNodeRole;
  state: CrossplaneNodeState;
}

/** An edge: the parent composes (or claims) the child. @public */
export interface CrossplaneGraphEdge {
  from: string;
  to: string;
}

/**
 * A claim's tree as nodes and edges for a graph layout. Ids are unique even
 * when an object without a uid appears twice (path-qualified), so the layout
 * never merges two nodes.
 *
 * @public
 */
export function claimGraph(root: CrossplaneNode): {
  nodes: CrossplaneGraphNode[];
  edges: CrossplaneGraphEdge[];
} {
  const nodes: CrossplaneGraphNode[] = [];
  const edges: CrossplaneGraphEdge[] = [];
  const used = new Set<string>();
  const walk = (node: CrossplaneNode, parent?: string) => {
    const { ref } = node;
    const base =
      ref.uid ??
      `${ref.apiVersion}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}#${i}`;
    used.add(id);
    nodes.push({ id, ref, role: node.role, state: node.state });
    if (parent) edges.push({ from: parent, to: id });
    node.children.forEach(child => walk(child, id));
  };
  walk(root);
  return { nodes, edges };
}

import { runbookUrl } from '../runbooks/runbooks';
import type {
  CrossplaneClaimStatus,
  CrossplaneConditionCounts,
  CrossplaneNode,
  CrossplaneNodeState,
  CrossplaneNotReadyReason,
} from './types';

/** The runbook a not-ready claim links to. @public */
export const CROSSPLANE_CLAIM_RUNBOOK_ID =
  'crossplane-claim-not-ready' as const;

const RANK: Record<CrossplaneNodeState, number> = {
  'not-ready': 0,
  missing: 0,
  unreadable: 1,
  deleting: 2,
  unknown: 3,
  ready: 4,
};

const isBad = (state: CrossplaneNodeState) =>
  state === 'not-ready' || state === 'missing';

/** Failing, or being deleted but stuck on an error (e.g. a bucket not empty). */
const blocks = (node: CrossplaneNode) =>
  isBad(node.state) ||
  (node.state === 'deleting' && node.synced.status === 'False');

/**
 * The tree with every node's children sorted so trouble comes first:
 * not ready and missing, then unreadable, deleting, unknown, ready. Ties keep
 * Crossplane's order (a stable sort). Returns new nodes.
 *
 * @public
 */
export function orderTree(node: CrossplaneNode): CrossplaneNode {
  const children = node.children
    .map(orderTree)
    .map((child, index) => ({ child, index, rank: subtreeRank(child) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(entry => entry.child);
  return { ...node, children };
}

/** A subtree ranks as its most troubled node, so a failing grandchild lifts its parent. */
function subtreeRank(node: CrossplaneNode): number {
  return Math.min(RANK[node.state], ...node.children.map(subtreeRank));
}

/** Every node of a tree, parents before children. @public */
export function flattenTree(node: CrossplaneNode): CrossplaneNode[] {
  return [node, ...node.children.flatMap(flattenTree)];
}

const zero = (): CrossplaneConditionCounts => ({
  True: 0,
  False: 0,
  Unknown: 0,
  Absent: 0,
});

/**
 * How many objects of the tree report each status for `Synced` and `Ready`.
 * Objects that could not be read are not counted: they reported nothing.
 *
 * @public
 */
export function countConditions(root: CrossplaneNode): {
  synced: CrossplaneConditionCounts;
  ready: CrossplaneConditionCounts;
} {
  const synced = zero();
  const ready = zero();
  for (const node of flattenTree(root)) {
    if (node.state === 'missing' || node.state === 'unreadable') continue;
    synced[node.synced.status] += 1;
    ready[node.ready.status] += 1;
  }
  return { synced, ready };
}

/**
 * The claim's status: deleting when the root is; not ready when any object
 * is failing or missing; ready only when every object is; unknown otherwise
 * (conditions not reported yet, or objects Paved could not read).
 *
 * @public
 */
export function claimStatus(root: CrossplaneNode): CrossplaneClaimStatus {
  if (root.state === 'deleting') return 'deleting';
  const states = flattenTree(root).map(n => n.state);
  if (states.some(isBad)) return 'not-ready';
  if (states.every(s => s === 'ready')) return 'ready';
  return 'unknown';
}

function reasonOf(node: CrossplaneNode): CrossplaneNotReadyReason {
  const base = { ref: node.ref, role: node.role };
  if (node.state === 'missing') {
    return {
      ...base,
      reason: 'Missing',
      ...(node.problem ? { message: node.problem } : {}),
    };
  }
  // Synced=False carries the provider's error; Ready=False often only says "Unavailable".
  const condition = node.synced.status === 'False' ? node.synced : node.ready;
  return {
    ...base,
    condition: condition.type,
    reason: condition.reason ?? `${condition.type}=${condition.status}`,
    ...(condition.message ? { message: condition.message } : {}),
  };
}

/**
 * The first reason the claim is not ready (or not going away): the deepest
 * failing object along the first failing branch of the (ordered) tree, since
 * a managed resource's provider error is what its composite and claim are
 * waiting on. A deleting object counts when its `Synced` is `False`.
 *
 * @public
 */
export function firstNotReadyReason(
  root: CrossplaneNode,
): CrossplaneNotReadyReason | undefined {
  const walk = (node: CrossplaneNode): CrossplaneNotReadyReason | undefined => {
    for (const child of orderTree(node).children) {
      const found = walk(child);
      if (found) return found;
    }
    return blocks(node) ? reasonOf(node) : undefined;
  };
  return walk(root);
}

/** The runbook route for a claim that is not ready, else undefined. @public */
export function claimRunbookUrl(
  status: CrossplaneClaimStatus,
): string | undefined {
  return status === 'not-ready'
    ? runbookUrl(CROSSPLANE_CLAIM_RUNBOOK_ID)
    : undefined;
}

import {
  ClusterResult,
  CrossplaneEntityResponse,
  CrossplaneEventsResponse,
  CrossplaneNode,
  CrossplaneYamlResponse,
  flattenTree,
} from '@paved/plugin-paved-common';

/** What a user may see of each node beside the tree itself. */
export interface CrossplaneAccess {
  yaml: boolean;
  events: boolean;
}

function strip(node: CrossplaneNode, access: CrossplaneAccess): CrossplaneNode {
  const { yaml, events, children, ...rest } = node;
  return {
    ...rest,
    ...(access.yaml && yaml !== undefined ? { yaml } : {}),
    // The type keeps `events` a list: an empty one says nothing.
    events: access.events ? events : [],
    children: children.map(c => strip(c, access)),
  };
}

/**
 * The tree as a user may see it: YAML only with `paved.crossplane.yaml.read`,
 * events only with `paved.crossplane.events.read`. The cached response is
 * never changed.
 */
export function treeFor(
  response: CrossplaneEntityResponse,
  access: CrossplaneAccess,
): CrossplaneEntityResponse {
  return {
    ...response,
    access: { ...access },
    clusters: response.clusters.map(c =>
      c.ok
        ? {
            ...c,
            data: {
              ...c.data,
              claims: c.data.claims.map(claim => ({
                ...claim,
                root: strip(claim.root, access),
              })),
            },
          }
        : c,
    ),
  };
}

function perObject<T>(
  response: CrossplaneEntityResponse,
  pick: (node: CrossplaneNode) => T | undefined,
): ClusterResult<{ objects: ({ ref: CrossplaneNode['ref'] } & T)[] }>[] {
  return response.clusters.map(c => {
    if (!c.ok) return c;
    const objects = c.data.claims
      .flatMap(claim => flattenTree(claim.root))
      .flatMap(node => {
        const picked = pick(node);
        return picked === undefined ? [] : [{ ref: node.ref, ...picked }];
      });
    return { ...c, data: { objects } };
  });
}

/** Every object's redacted YAML, from the same read as the tree. */
export function yamlOf(
  response: CrossplaneEntityResponse,
): CrossplaneYamlResponse {
  return {
    entityRef: response.entityRef,
    clusters: perObject(response, n =>
      n.yaml === undefined ? undefined : { yaml: n.yaml },
    ),
  };
}

/** Every readable object's events, from the same read as the tree. */
export function eventsOf(
  response: CrossplaneEntityResponse,
): CrossplaneEventsResponse {
  return {
    entityRef: response.entityRef,
    clusters: perObject(response, n =>
      n.state === 'missing' || n.state === 'unreadable'
        ? undefined
        : { events: n.events },
    ),
  };
}

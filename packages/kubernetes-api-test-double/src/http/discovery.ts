import { ApiGroupInfo, ResourceRegistry } from '../resources/registry';
import { ResourceType } from '../resources/types';

export const SERVER_VERSION = {
  major: '1',
  minor: '30',
  gitVersion: 'v1.30.6',
  gitCommit: '00f20d443ba0cee1f5a0a9a8c2b3c3d8a5f6e7b1',
  gitTreeState: 'clean',
  buildDate: '2024-10-22T20:24:22Z',
  goVersion: 'go1.22.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

function apiResource(rt: ResourceType) {
  const r: Record<string, unknown> = {
    name: rt.plural,
    singularName: rt.singular,
    namespaced: rt.namespaced,
    kind: rt.kind,
    verbs: rt.verbs,
  };
  if (rt.shortNames?.length) r.shortNames = rt.shortNames;
  if (rt.categories?.length) r.categories = rt.categories;
  return r;
}

function subresources(rt: ResourceType) {
  return (rt.subresources ?? []).map(sub => {
    const base = {
      name: `${rt.plural}/${sub}`,
      singularName: '',
      namespaced: rt.namespaced,
    };
    if (sub === 'log') return { ...base, kind: 'Pod', verbs: ['get'] };
    if (sub === 'scale') {
      return {
        ...base,
        group: 'autoscaling',
        version: 'v1',
        kind: 'Scale',
        verbs: ['get', 'patch', 'update'],
      };
    }
    return { ...base, kind: rt.kind, verbs: ['get', 'patch', 'update'] };
  });
}

/** APIResourceList for /api/v1 or /apis/<group>/<version>. */
export function resourceList(
  registry: ResourceRegistry,
  group: string,
  version: string,
) {
  const groupVersion = group ? `${group}/${version}` : version;
  const resources = registry
    .resourcesIn(group, version)
    .flatMap(rt => [apiResource(rt), ...subresources(rt)]);
  // The core list has no apiVersion in real responses; group lists do.
  return group
    ? { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources }
    : { kind: 'APIResourceList', groupVersion, resources };
}

export function apiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(g: ApiGroupInfo) {
  const versions = g.versions.map(v => ({
    groupVersion: `${g.name}/${v}`,
    version: v,
  }));
  return { name: g.name, versions, preferredVersion: versions[0] };
}

export function apiGroupList(registry: ResourceRegistry) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: registry.groups().map(apiGroup),
  };
}

export function apiGroupBody(registry: ResourceRegistry, name: string) {
  const g = registry.groups().find(x => x.name === name);
  return g ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(g) } : undefined;
}

import { KubeObject } from '../types';
import { BUILTIN_RESOURCES } from './builtins';
import { resourceTypesFromCrd } from './crd';
import { apiVersionOf, ResourceType, splitApiVersion } from './types';
import { compareKubeVersions } from './versionPriority';

export interface ApiGroupInfo {
  name: string;
  /** Served versions, highest priority first; the first is preferred. */
  versions: string[];
}

/** The API resource catalogue: what discovery serves and the router resolves. */
export class ResourceRegistry {
  private readonly types: ResourceType[] = [];

  constructor(initial: ResourceType[] = BUILTIN_RESOURCES) {
    initial.forEach(rt => this.add(rt));
  }

  /** Adds or replaces the type served at group/version/plural. */
  add(rt: ResourceType): void {
    this.remove(rt.group, rt.version, rt.plural);
    this.types.push(rt);
  }

  remove(group: string, version: string, plural: string): void {
    const i = this.types.findIndex(
      t => t.group === group && t.version === version && t.plural === plural,
    );
    if (i >= 0) this.types.splice(i, 1);
  }

  /** Serves the kinds a CRD defines, replacing what an earlier revision served. */
  registerCrd(crd: KubeObject): ResourceType[] {
    this.unregisterCrd(crd.metadata.name ?? '');
    const added = resourceTypesFromCrd(crd);
    added.forEach(rt => this.add(rt));
    return added;
  }

  unregisterCrd(crdName: string): void {
    for (const rt of this.types.filter(t => t.fromCrd === crdName)) {
      this.remove(rt.group, rt.version, rt.plural);
    }
  }

  find(
    group: string,
    version: string,
    plural: string,
  ): ResourceType | undefined {
    return this.types.find(
      t => t.group === group && t.version === version && t.plural === plural,
    );
  }

  findByKind(apiVersion: string, kind: string): ResourceType | undefined {
    const { group, version } = splitApiVersion(apiVersion);
    return this.types.find(
      t => t.group === group && t.version === version && t.kind === kind,
    );
  }

  hasGroupVersion(group: string, version: string): boolean {
    return this.types.some(t => t.group === group && t.version === version);
  }

  resourcesIn(group: string, version: string): ResourceType[] {
    return this.types.filter(t => t.group === group && t.version === version);
  }

  /** Named groups (not the core "" group), in registration order. */
  groups(): ApiGroupInfo[] {
    const byName = new Map<string, Set<string>>();
    for (const t of this.types) {
      if (!t.group) continue;
      if (!byName.has(t.group)) byName.set(t.group, new Set());
      byName.get(t.group)!.add(t.version);
    }
    return [...byName].map(([name, versions]) => ({
      name,
      versions: [...versions].sort(compareKubeVersions),
    }));
  }

  /** One type per stored resource (group + plural), at its preferred version. */
  storageResources(): ResourceType[] {
    const byResource = new Map<string, ResourceType>();
    for (const t of [...this.types].sort((a, b) =>
      compareKubeVersions(a.version, b.version),
    )) {
      const id = `${t.group}/${t.plural}`;
      if (!byResource.has(id)) byResource.set(id, t);
    }
    return [...byResource.values()];
  }

  all(): ResourceType[] {
    return [...this.types];
  }

  apiVersions(): string[] {
    return [...new Set(this.types.map(apiVersionOf))];
  }
}

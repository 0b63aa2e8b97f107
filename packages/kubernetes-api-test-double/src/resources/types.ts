export type Verb =
  | 'create'
  | 'delete'
  | 'deletecollection'
  | 'get'
  | 'list'
  | 'patch'
  | 'update'
  | 'watch';

/** Which rule metadata.name must follow; differs per kind in the real API. */
export type NameRule =
  | 'dns1123Subdomain'
  | 'dns1123Label'
  | 'dns1035Label'
  | 'pathSegment';

export type Subresource = 'status' | 'scale' | 'log';

/** One served resource: what discovery lists and the router resolves. */
export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  verbs: Verb[];
  shortNames?: string[];
  categories?: string[];
  subresources?: Subresource[];
  nameRule?: NameRule;
  /** Set for kinds registered from a CustomResourceDefinition. */
  fromCrd?: string;
}

export function apiVersionOf(
  rt: Pick<ResourceType, 'group' | 'version'>,
): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

/** `pods`, `deployments.apps`: how the API server names a resource in messages. */
export function qualifiedResource(
  rt: Pick<ResourceType, 'group' | 'plural'>,
): string {
  return rt.group ? `${rt.plural}.${rt.group}` : rt.plural;
}

/** `Pod`, `Deployment.apps`: how validation messages name a kind. */
export function qualifiedKind(
  rt: Pick<ResourceType, 'group' | 'kind'>,
): string {
  return rt.group ? `${rt.kind}.${rt.group}` : rt.kind;
}

export function splitApiVersion(apiVersion: string): {
  group: string;
  version: string;
} {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : {
        group: apiVersion.slice(0, slash),
        version: apiVersion.slice(slash + 1),
      };
}

/**
 * The annotations an entity uses to point Paved at its Crossplane claims.
 * They are Paved's own: the cluster is never guessed from another plugin's
 * annotation.
 *
 * @public
 */
export const CROSSPLANE_ANNOTATIONS = {
  /**
   * Claims (or v2 namespaced composites) by reference, comma separated:
   * `<Kind>.<group>/<name>` or `<Kind>.<group>/<namespace>/<name>`, e.g.
   * `PostgreSQLInstance.platform.paved.dev/payments/payments-db`.
   */
  claims: 'paved.dev/crossplane-claims',
  /** The only cluster to look in; all clusters the user may see otherwise. */
  cluster: 'paved.dev/crossplane-cluster',
  /** Namespace for claim references without one, and for label lookups. */
  namespace: 'paved.dev/crossplane-namespace',
} as const;

/** A claim (or namespaced composite) named by an entity. @public */
export interface CrossplaneClaimReference {
  kind: string;
  group: string;
  namespace?: string;
  name: string;
}

/** What an entity's annotations say about its claims. @public */
export interface CrossplaneEntityAnnotations {
  claims: CrossplaneClaimReference[];
  cluster?: string;
  namespace?: string;
  /** Entries of `paved.dev/crossplane-claims` that could not be read, with why. */
  invalid: { entry: string; message: string }[];
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

/**
 * Parses one claim reference. Throws an Error naming what is wrong, so the
 * entity's owner sees which part of the annotation to fix.
 *
 * @public
 */
export function parseClaimReference(
  entry: string,
  defaultNamespace?: string,
): CrossplaneClaimReference {
  const parts = entry.trim().split('/');
  if (parts.length < 2 || parts.length > 3) {
    throw new Error(`'${entry}' is not <Kind>.<group>/[<namespace>/]<name>`);
  }
  const [kindGroup, ...rest] = parts;
  const dot = kindGroup.indexOf('.');
  const kind = dot > 0 ? kindGroup.slice(0, dot) : '';
  const group = dot > 0 ? kindGroup.slice(dot + 1) : '';
  if (!KIND.test(kind) || !DNS_SUBDOMAIN.test(group) || !group.includes('.')) {
    throw new Error(
      `'${kindGroup}' in '${entry}' is not <Kind>.<group>, e.g. PostgreSQLInstance.platform.example.org`,
    );
  }
  const name = rest[rest.length - 1];
  const namespace = rest.length === 2 ? rest[0] : defaultNamespace;
  if (!DNS_SUBDOMAIN.test(name)) {
    throw new Error(`name '${name}' in '${entry}' is not a Kubernetes name`);
  }
  if (namespace !== undefined && !DNS_LABEL.test(namespace)) {
    throw new Error(
      `namespace '${namespace}' in '${entry}' is not a Kubernetes namespace name`,
    );
  }
  return { kind, group, name, ...(namespace ? { namespace } : {}) };
}

/**
 * Reads Paved's Crossplane annotations from an entity's annotations. Bad
 * entries are collected, not thrown: the good ones still count.
 *
 * @public
 */
export function readCrossplaneAnnotations(
  annotations: Record<string, string> | undefined,
): CrossplaneEntityAnnotations {
  const a = annotations ?? {};
  const cluster = a[CROSSPLANE_ANNOTATIONS.cluster]?.trim() || undefined;
  const namespace = a[CROSSPLANE_ANNOTATIONS.namespace]?.trim() || undefined;
  const claims: CrossplaneClaimReference[] = [];
  const invalid: { entry: string; message: string }[] = [];
  if (namespace && !DNS_LABEL.test(namespace)) {
    invalid.push({
      entry: namespace,
      message: `${CROSSPLANE_ANNOTATIONS.namespace} '${namespace}' is not a Kubernetes namespace name`,
    });
  }
  const raw = a[CROSSPLANE_ANNOTATIONS.claims] ?? '';
  for (const entry of raw
    .split(/[,\n]/)
    .map(e => e.trim())
    .filter(Boolean)) {
    try {
      claims.push(parseClaimReference(entry, namespace));
    } catch (error) {
      invalid.push({ entry, message: (error as Error).message });
    }
  }
  return {
    claims,
    invalid,
    ...(cluster ? { cluster } : {}),
    ...(namespace ? { namespace } : {}),
  };
}

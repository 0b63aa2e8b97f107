/**
 * What a team can request from a Crossplane XRD, read from the XRD alone so
 * a form can render its fields.
 */

/** Annotations an XRD may carry to present itself in Paved. @public */
export const XRD_OFFER_ANNOTATIONS = {
  title: 'paved.dev/title',
  description: 'paved.dev/description',
} as const;

/**
 * A kind a team can request: a v1 claim, or a v2 namespaced composite.
 *
 * @public
 */
export interface XrdOffer {
  /** The XRD's name, e.g. `xpostgresqlinstances.platform.paved.dev`. */
  name: string;
  /** `paved.dev/title`, else the XRD's name. */
  title: string;
  /** `paved.dev/description`, else the parameters schema's description. */
  description?: string;
  group: string;
  /** The referenceable served version, else the first served one. */
  version: string;
  apiVersion: string;
  /** The kind a team creates: the claim kind (v1) or the composite kind (v2). */
  kind: string;
  style: 'v1-claim' | 'v2-namespaced';
  /** Whether the XRD reports `Established=True`. */
  established: boolean;
  defaultComposition?: string;
  /**
   * The JSON schema of what a team fills in, as the XRD declares it:
   * `spec.parameters` when the XRD wraps its fields there, else `spec`.
   */
  parameters: Record<string, any>;
  /** True when `parameters` is the schema of `spec.parameters`, false when of `spec`. */
  parametersWrapped: boolean;
}

/** `GET /api/paved/crossplane/xrds/:cluster`. @public */
export interface XrdOffersResponse {
  cluster: string;
  /** False when the cluster does not serve Crossplane's API group. */
  crossplane: boolean;
  offers: XrdOffer[];
  /** Why there are no offers, when Crossplane is not installed. */
  message?: string;
}

const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v : undefined;

/**
 * The version of an XRD's `spec` that Crossplane composes with: the
 * referenceable one that is served, else the first served one.
 *
 * @public
 */
export function xrdComposingVersion(
  spec: unknown,
): Record<string, any> | undefined {
  const versions: any[] =
    isObject(spec) && Array.isArray(spec.versions) ? spec.versions : [];
  return (
    versions.find(v => v?.referenceable && v?.served !== false) ??
    versions.find(v => v?.served !== false)
  );
}

/**
 * The kind a team creates from an XRD's `spec`: its claim (Crossplane v1
 * style), else its composite when composites are namespaced (v2); none
 * when only the platform can create its composites.
 *
 * @public
 */
export function xrdRequestKind(
  spec: unknown,
): { kind: string; style: XrdOffer['style'] } | undefined {
  if (!isObject(spec)) return undefined;
  const claimKind = text(spec.claimNames?.kind);
  if (claimKind) return { kind: claimKind, style: 'v1-claim' };
  const namespacedKind =
    spec.scope === 'Namespaced' ? text(spec.names?.kind) : undefined;
  return namespacedKind
    ? { kind: namespacedKind, style: 'v2-namespaced' }
    : undefined;
}

/**
 * The offer an XRD makes to teams, or `undefined` when it makes none: no
 * claim kind and cluster-scoped composites (only the platform can create
 * those), or no served version. The version is chosen as the scaffolder's
 * claim template does: referenceable and served, else the first served.
 *
 * @public
 */
export function xrdOffer(xrd: unknown): XrdOffer | undefined {
  if (!isObject(xrd)) return undefined;
  const metadata = isObject(xrd.metadata) ? xrd.metadata : {};
  const spec = isObject(xrd.spec) ? xrd.spec : {};
  const name = text(metadata.name);
  const group = text(spec.group);
  if (!name || !group) return undefined;

  const requested = xrdRequestKind(spec);
  if (!requested) return undefined;
  const { kind } = requested;

  const version = xrdComposingVersion(spec);
  const versionName = text(version?.name);
  if (!versionName) return undefined;

  const specSchema = version?.schema?.openAPIV3Schema?.properties?.spec;
  const wrapped = specSchema?.properties?.parameters;
  const parametersWrapped = isObject(wrapped);
  let parameters: Record<string, any> = { type: 'object' };
  if (parametersWrapped) parameters = wrapped;
  else if (isObject(specSchema)) parameters = specSchema;

  const annotations = isObject(metadata.annotations)
    ? metadata.annotations
    : {};
  const description =
    text(annotations[XRD_OFFER_ANNOTATIONS.description]) ??
    text(parameters.description);
  const conditions: any[] = Array.isArray(xrd.status?.conditions)
    ? xrd.status.conditions
    : [];
  const defaultComposition = text(spec.defaultCompositionRef?.name);

  return {
    name,
    title: text(annotations[XRD_OFFER_ANNOTATIONS.title]) ?? name,
    ...(description ? { description } : {}),
    group,
    version: versionName,
    apiVersion: `${group}/${versionName}`,
    kind,
    style: requested.style,
    established: conditions.some(
      c => c?.type === 'Established' && c?.status === 'True',
    ),
    ...(defaultComposition ? { defaultComposition } : {}),
    parameters,
    parametersWrapped,
  };
}

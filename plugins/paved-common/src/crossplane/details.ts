import type {
  CrossplaneCompositionDetails,
  CrossplaneFunctionInfo,
  CrossplanePackageCondition,
  CrossplaneProviderInfo,
  CrossplaneProvidersInfo,
  CrossplaneRevisionInfo,
  CrossplaneXrdInfo,
} from './detailsTypes';
import type { CrossplaneConditionStatus, CrossplaneObjectRef } from './types';

const STATUSES: readonly string[] = ['True', 'False', 'Unknown'];
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v ? v : undefined;
const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);

/**
 * Any condition of an object (`Installed`, `Healthy`, `Established`), read
 * like `readCondition`: missing is `Absent`, a status Kubernetes does not
 * define is `Unknown`.
 *
 * @public
 */
export function packageCondition(
  obj: unknown,
  type: string,
): CrossplanePackageCondition {
  const found = list((obj as any)?.status?.conditions).find(
    c => c?.type === type,
  );
  if (!found) return { status: 'Absent' };
  const status = (
    STATUSES.includes(found.status) ? found.status : 'Unknown'
  ) as CrossplaneConditionStatus;
  const reason = text(found.reason);
  const message = text(found.message);
  return {
    status,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

/** The API group of an `apiVersion` (`''` for the core group). @public */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * The XRD that defines a composite (or claim) kind: its `spec.group` and
 * `spec.names.kind`, or `spec.claimNames.kind` for a claim.
 *
 * @public
 */
export function findXrd(
  xrds: readonly unknown[],
  group: string,
  kind: string,
): unknown | undefined {
  return xrds.find((x: any) => {
    const spec = x?.spec ?? {};
    return (
      spec.group === group &&
      (spec.names?.kind === kind || spec.claimNames?.kind === kind)
    );
  });
}

/** What an XRD panel shows: versions, whether served/referenceable, the spec's fields. @public */
export function xrdInfo(xrd: unknown): CrossplaneXrdInfo {
  const obj = xrd as any;
  const spec = obj?.spec ?? {};
  const claimKind = text(spec.claimNames?.kind);
  const scope = text(spec.scope);
  const defaultComposition = text(spec.defaultCompositionRef?.name);
  return {
    name: String(obj?.metadata?.name ?? ''),
    group: String(spec.group ?? ''),
    kind: String(spec.names?.kind ?? ''),
    ...(claimKind ? { claimKind } : {}),
    ...(scope ? { scope } : {}),
    ...(defaultComposition ? { defaultComposition } : {}),
    established: packageCondition(obj, 'Established'),
    offered: packageCondition(obj, 'Offered'),
    versions: list(spec.versions).map(v => {
      const props =
        v?.schema?.openAPIV3Schema?.properties?.spec?.properties ?? {};
      return {
        name: String(v?.name ?? ''),
        served: v?.served === true,
        referenceable: v?.referenceable === true,
        specProperties:
          props && typeof props === 'object' ? Object.keys(props) : [],
      };
    }),
  };
}

/**
 * What a Composition panel shows. A Composition without `spec.mode` is in
 * Resources mode (Crossplane v1's default).
 *
 * @public
 */
export function compositionDetails(
  composition: unknown,
): CrossplaneCompositionDetails {
  const obj = composition as any;
  const spec = obj?.spec ?? {};
  const type = spec.compositeTypeRef;
  return {
    name: String(obj?.metadata?.name ?? ''),
    mode: text(spec.mode) ?? 'Resources',
    ...(type?.kind
      ? {
          compositeType: `${type.kind}${
            type.apiVersion ? ` (${type.apiVersion})` : ''
          }`,
        }
      : {}),
    steps: list(spec.pipeline).map((s, i) => ({
      step: text(s?.step) ?? `step ${i + 1}`,
      functionRef: String(s?.functionRef?.name ?? ''),
    })),
    resources: list(spec.resources).map(
      (r, i) => text(r?.name) ?? `resource ${i + 1}`,
    ),
  };
}

/**
 * What the revision panel shows; `siblings` are the Composition's other
 * revisions (label `crossplane.io/composition-name`), for the newest number.
 *
 * @public
 */
export function revisionInfo(
  revision: unknown,
  siblings: readonly unknown[] = [],
): CrossplaneRevisionInfo {
  const obj = revision as any;
  const n = Number(obj?.spec?.revision);
  const numbers = [obj, ...siblings]
    .map((r: any) => Number(r?.spec?.revision))
    .filter(Number.isFinite);
  const mode = text(obj?.spec?.mode);
  return {
    name: String(obj?.metadata?.name ?? ''),
    ...(Number.isFinite(n) ? { revision: n } : {}),
    ...(mode ? { mode } : {}),
    ...(numbers.length ? { latestRevision: Math.max(...numbers) } : {}),
  };
}

/** Groups a ProviderRevision's CRDs (`status.objectRefs`, `<plural>.<group>`) define. */
function revisionGroups(revision: any): string[] {
  return list(revision?.status?.objectRefs)
    .filter(r => r?.kind === 'CustomResourceDefinition' && text(r?.name))
    .map(r => {
      const name = String(r.name);
      return name.slice(name.indexOf('.') + 1);
    });
}

/**
 * The providers behind a set of managed-resource API groups. A provider
 * serves a group when its current ProviderRevision owns a CRD of that group
 * (`status.objectRefs`); the revision names the provider by its
 * `pkg.crossplane.io/package` label or controller owner. Groups no provider
 * claims are reported, not guessed.
 *
 * @public
 */
export function providersForGroups(
  groups: readonly string[],
  providers: readonly unknown[],
  revisions: readonly unknown[],
): CrossplaneProvidersInfo {
  const wanted = [...new Set(groups.filter(Boolean))].sort();
  const owner = (rev: any): string | undefined =>
    text(rev?.metadata?.labels?.['pkg.crossplane.io/package']) ??
    text(
      list(rev?.metadata?.ownerReferences).find(o => o?.kind === 'Provider')
        ?.name,
    );
  const out: CrossplaneProviderInfo[] = [];
  const matched = new Set<string>();
  for (const p of providers as any[]) {
    const name = String(p?.metadata?.name ?? '');
    const current = text(p?.status?.currentRevision);
    const mine = (revisions as any[]).filter(r => owner(r) === name);
    // The current revision decides what the provider serves now.
    const rev =
      mine.find(r => r?.metadata?.name === current) ??
      mine.find(r => r?.spec?.desiredState === 'Active');
    const served = new Set(revisionGroups(rev));
    const used = wanted.filter(g => served.has(g));
    if (used.length === 0) continue;
    used.forEach(g => matched.add(g));
    const pkg = text(p?.spec?.package);
    const n = Number(rev?.spec?.revision);
    out.push({
      name,
      ...(pkg ? { package: pkg } : {}),
      installed: packageCondition(p, 'Installed'),
      healthy: packageCondition(p, 'Healthy'),
      ...(current ? { currentRevision: current } : {}),
      ...(Number.isFinite(n) ? { revision: n } : {}),
      groups: used,
    });
  }
  // Unhealthy first: that is what a reader came for.
  out.sort(
    (a, b) =>
      Number(a.healthy.status === 'True') -
        Number(b.healthy.status === 'True') || a.name.localeCompare(b.name),
  );
  return {
    providers: out,
    unmatchedGroups: wanted.filter(g => !matched.has(g)),
  };
}

/**
 * The Functions a pipeline calls, in step order, each with the steps that
 * call it; a Function that is not installed is `found: false`.
 *
 * @public
 */
export function functionsForSteps(
  steps: readonly { step: string; functionRef: string }[],
  functions: readonly unknown[],
): CrossplaneFunctionInfo[] {
  const byName = new Map<string, string[]>();
  for (const s of steps) {
    if (!s.functionRef) continue;
    byName.set(s.functionRef, [...(byName.get(s.functionRef) ?? []), s.step]);
  }
  return [...byName.entries()].map(([name, calledBy]) => {
    const fn = (functions as any[]).find(f => f?.metadata?.name === name);
    const pkg = text(fn?.spec?.package);
    const current = text(fn?.status?.currentRevision);
    return {
      name,
      found: Boolean(fn),
      ...(pkg ? { package: pkg } : {}),
      installed: packageCondition(fn, 'Installed'),
      healthy: packageCondition(fn, 'Healthy'),
      ...(current ? { currentRevision: current } : {}),
      steps: calledBy,
    };
  });
}

/**
 * The file name a downloaded manifest gets: `<kind>-<name>.yaml`, lower
 * case, with anything a file system may refuse replaced.
 *
 * @public
 */
export function yamlFileName(ref: Pick<CrossplaneObjectRef, 'kind' | 'name'>) {
  const safe = (s: string) =>
    s.toLowerCase().replace(/[^a-z0-9._-]+/g, '-') || 'object';
  return `${safe(ref.kind)}-${safe(ref.name)}.yaml`;
}

import { ConfiguredCluster } from '../clusters/configuredClusters';
import { kubeRequest } from './kubeClient';

export const FIELD_MANAGER = 'paved-scaffolder';

export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [k: string]: unknown;
};

export type ApplyResult = {
  object: string;
  result: 'created' | 'configured' | 'unchanged';
};

export class ApplyError extends Error {
  constructor(
    message: string,
    readonly applied: ApplyResult[],
  ) {
    super(message);
    this.name = 'ApplyError';
  }
}

/** CRDs first (kinds must exist), then namespaces (objects live in them), then the rest. */
export function applyOrder(objects: Manifest[]): Manifest[] {
  const order = ['CustomResourceDefinition', 'Namespace'];
  const rank = (o: Manifest) =>
    order.includes(o.kind) ? order.indexOf(o.kind) : order.length;
  return objects
    .map((o, i) => ({ o, i }))
    .sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i)
    .map(x => x.o);
}

export function describeObject(o: Manifest): string {
  const ns = o.metadata.namespace ? `${o.metadata.namespace}/` : '';
  return `${o.kind} ${ns}${o.metadata.name}`;
}

type Resource = { plural: string; namespaced: boolean };

/** Finds plural and scope of each kind through discovery, cached per apiVersion. */
class Discovery {
  private readonly cache = new Map<string, Map<string, Resource>>();
  constructor(private readonly cluster: ConfiguredCluster) {}

  invalidate(apiVersion: string) {
    this.cache.delete(apiVersion);
  }

  async resource(o: Manifest): Promise<Resource | undefined> {
    let kinds = this.cache.get(o.apiVersion);
    if (!kinds) {
      const path = o.apiVersion.includes('/') ? `/apis/${o.apiVersion}` : `/api/${o.apiVersion}`;
      const res = await kubeRequest(this.cluster, 'GET', path);
      kinds = new Map();
      if (res.status === 200) {
        for (const r of res.body.resources ?? []) {
          if (!r.name.includes('/')) kinds.set(r.kind, { plural: r.name, namespaced: r.namespaced });
        }
        this.cache.set(o.apiVersion, kinds);
      } else if (res.status !== 404) {
        throw new Error(`discovery of ${o.apiVersion} failed: ${statusText(res)}`);
      }
    }
    return kinds.get(o.kind);
  }
}

function statusText(res: { status: number; body: any }): string {
  const b = res.body;
  if (b && typeof b === 'object' && b.kind === 'Status') {
    return `${res.status} ${b.reason ?? ''}: ${b.message ?? ''}`.trim();
  }
  return `${res.status} ${typeof b === 'string' ? b.slice(0, 200) : ''}`.trim();
}

/** Compares objects without server-maintained metadata (for dry runs). */
function canonical(o: any): string {
  if (!o) return '';
  const { metadata = {}, status: _status, ...rest } = o;
  const {
    managedFields: _m,
    resourceVersion: _r,
    generation: _g,
    creationTimestamp: _c,
    uid: _u,
    ...meta
  } = metadata;
  return JSON.stringify(sorted({ ...rest, metadata: meta }));
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map(k => [k, sorted((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/**
 * Server-side apply of each object, in dependency order. Stops at the first
 * failure, reporting what was applied before it.
 */
export async function applyManifests(
  cluster: ConfiguredCluster,
  objects: Manifest[],
  opts: { force: boolean; dryRun: boolean; log?: (line: string) => void },
): Promise<ApplyResult[]> {
  const discovery = new Discovery(cluster);
  const applied: ApplyResult[] = [];
  // In a server dry run new namespaces are not stored, so objects inside them
  // answer 404; they would be created once the namespace exists.
  const dryNamespaces = new Set<string>();
  for (const o of applyOrder(objects)) {
    const name = describeObject(o);
    const fail = (why: string): never => {
      const done = applied.map(a => `${a.object} (${a.result})`).join(', ') || 'nothing';
      throw new ApplyError(`Applying ${o.apiVersion} ${name} failed: ${why}. Already applied: ${done}`, applied);
    };
    let resource: Resource | undefined;
    try {
      resource = await discovery.resource(o);
    } catch (e) {
      fail((e as Error).message);
    }
    if (!resource) {
      fail(`the server does not serve kind ${o.kind} in ${o.apiVersion} (is its CRD installed?)`);
      return applied;
    }
    const ns = resource.namespaced ? o.metadata.namespace ?? 'default' : undefined;
    const prefix = o.apiVersion.includes('/') ? `/apis/${o.apiVersion}` : `/api/${o.apiVersion}`;
    const path = `${prefix}${ns ? `/namespaces/${encodeURIComponent(ns)}` : ''}/${resource.plural}/${encodeURIComponent(o.metadata.name)}`;
    const before = await kubeRequest(cluster, 'GET', path).catch(e => fail(e.message));
    if (before.status !== 200 && before.status !== 404) fail(statusText(before));
    const query = new URLSearchParams({ fieldManager: FIELD_MANAGER, force: String(opts.force) });
    if (opts.dryRun) query.set('dryRun', 'All');
    const body = JSON.stringify(ns ? { ...o, metadata: { ...o.metadata, namespace: ns } } : o);
    if (opts.dryRun && ns && dryNamespaces.has(ns) && before.status === 404) {
      applied.push({ object: name, result: 'created' });
      opts.log?.(`${name} created (server dry run; its namespace is new)`);
      continue;
    }
    const after = await kubeRequest(cluster, 'PATCH', `${path}?${query}`, body, 'application/apply-patch+yaml').catch(e =>
      fail(e.message),
    );
    if (after.status !== 200 && after.status !== 201) fail(statusText(after));
    let result: ApplyResult['result'];
    if (before.status === 404) result = 'created';
    else {
      // Same resourceVersion, or (dry runs, servers that store no-op writes)
      // the same content apart from server-kept metadata: unchanged.
      const same =
        (!opts.dryRun &&
          before.body.metadata?.resourceVersion === after.body.metadata?.resourceVersion) ||
        canonical(before.body) === canonical(after.body);
      result = same ? 'unchanged' : 'configured';
    }
    applied.push({ object: name, result });
    if (o.kind === 'Namespace' && result === 'created') dryNamespaces.add(o.metadata.name);
    opts.log?.(`${name} ${result}${opts.dryRun ? ' (server dry run)' : ''}`);
    // A new CRD adds kinds: look its group up again for later objects.
    if (o.kind === 'CustomResourceDefinition' && !opts.dryRun) {
      const spec = (o as any).spec;
      for (const v of spec?.versions ?? []) discovery.invalidate(`${spec.group}/${v.name}`);
    }
  }
  return applied;
}

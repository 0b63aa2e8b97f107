import {
  ApiDiscovery,
  KindNotServedError,
  KubeManifest,
} from '@paved/plugin-paved-common';
import { ConfiguredCluster } from '../clusters/configuredClusters';
import {
  answerOf,
  ClusterClient,
  connectCluster,
  KubeResponse,
  responseOf,
} from './clusterClient';
import { crdOwnerOf } from './crdOwners';

export const FIELD_MANAGER = 'paved-scaffolder';

/** An object to apply: Paved's one Kubernetes object shape, as written. */
export type Manifest = KubeManifest;

export type ApplyResult = {
  object: string;
  result: 'created' | 'configured' | 'unchanged' | 'skipped';
};

/**
 * What to do with objects whose kind no CRD serves, on the cluster or in the
 * manifests: `fail` before applying anything (default), `skip` them and
 * apply the rest, or apply the rest and `wait` for a controller to install
 * the CRDs (an Argo CD Application that installs a chart, say).
 */
export type MissingKinds = 'fail' | 'skip' | 'wait';

export type ApplyOptions = {
  force: boolean;
  dryRun: boolean;
  log?: (line: string) => void;
  /** Upper bound for CRDs to become Established and kinds to be served; default 60. */
  crdWaitSeconds?: number;
  missingKinds?: MissingKinds;
  /** How often to look again while waiting; default 500 ms. */
  pollMs?: number;
};

export const DEFAULT_CRD_WAIT_SECONDS = 60;

export class ApplyError extends Error {
  constructor(message: string, readonly applied: ApplyResult[]) {
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

/**
 * Plural and scope of an object's kind through the cluster's discovery
 * (cached per apiVersion); undefined when the cluster does not serve it.
 */
async function served(
  discovery: ApiDiscovery,
  o: Pick<Manifest, 'apiVersion' | 'kind'>,
): Promise<Resource | undefined> {
  try {
    const kind = await discovery.byApiVersion(o.apiVersion, o.kind);
    return { plural: kind.plural, namespaced: kind.namespaced };
  } catch (error) {
    if (error instanceof KindNotServedError) return undefined;
    const res = responseOf(error);
    if (res) {
      throw new Error(
        `discovery of ${o.apiVersion} failed: ${statusText(res)}`,
      );
    }
    throw error;
  }
}

function statusText(res: KubeResponse): string {
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

const kindKey = (apiVersion: string, kind: string) => `${apiVersion} ${kind}`;
const keyOf = (o: Manifest) => kindKey(o.apiVersion, o.kind);
const isCrd = (o: Manifest) =>
  o.kind === 'CustomResourceDefinition' &&
  o.apiVersion.startsWith('apiextensions.k8s.io/');

/** `apiVersion kind` → name of the CRD in the manifests that serves it. */
function kindsFromCrds(objects: Manifest[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of objects.filter(isCrd)) {
    const spec = (o as any).spec ?? {};
    for (const v of spec.versions ?? []) {
      if (v?.served === false || !spec.group || !spec.names?.kind) continue;
      out.set(
        kindKey(`${spec.group}/${v.name}`, spec.names.kind),
        o.metadata.name,
      );
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

const describeKind = (apiVersion: string, kind: string) =>
  `${kind} (${apiVersion}), installed by ${crdOwnerOf(apiVersion)}`;

/**
 * Server-side apply of each object, in dependency order: CRDs, then (once
 * those CRDs are Established) namespaces and the rest. Kinds that no CRD
 * serves are found before anything is applied. Stops at the first failure,
 * reporting what was applied before it.
 */
export async function applyManifests(
  cluster: ConfiguredCluster,
  objects: Manifest[],
  opts: ApplyOptions,
): Promise<ApplyResult[]> {
  const client = await connectCluster(cluster);
  const discovery = client.discovery;
  const ordered = applyOrder(objects);
  const fromCrds = kindsFromCrds(objects);
  const mode = opts.missingKinds ?? 'fail';
  const waitMs = (opts.crdWaitSeconds ?? DEFAULT_CRD_WAIT_SECONDS) * 1000;
  const pollMs = opts.pollMs ?? 500;
  const applied: ApplyResult[] = [];
  const already = () =>
    applied.map(a => `${a.object} (${a.result})`).join(', ') || 'nothing';

  // Which kinds neither the cluster nor a CRD in the manifests serves.
  const absent = new Map<string, { apiVersion: string; kind: string }>();
  for (const o of ordered) {
    const key = keyOf(o);
    if (fromCrds.has(key) || absent.has(key)) continue;
    let resource: Resource | undefined;
    try {
      resource = await served(discovery, o);
    } catch (e) {
      throw new ApplyError(
        `Discovery on cluster ${cluster.name} failed: ${
          (e as Error).message
        }. Nothing was applied`,
        [],
      );
    }
    if (!resource) absent.set(key, { apiVersion: o.apiVersion, kind: o.kind });
  }
  const missingText = [...absent.values()]
    .map(k => describeKind(k.apiVersion, k.kind))
    .join('; ');
  if (absent.size > 0 && mode === 'fail') {
    throw new ApplyError(
      `Cluster ${cluster.name} serves no CRD for: ${missingText}. Nothing was applied. ` +
        'Install those first, or set missingKinds to skip (apply the rest) or wait (apply the rest, then wait up to crdWaitSeconds for the CRDs)',
      [],
    );
  }
  if (absent.size > 0) opts.log?.(`No CRD serves ${missingText}`);

  // In a server dry run new namespaces and CRDs are not stored, so objects
  // that need them answer 404; they would be created once those exist.
  const dryNamespaces = new Set<string>();

  const applyOne = async (o: Manifest) => {
    const name = describeObject(o);
    // Annotated so that the compiler knows a call ends the path.
    const fail: (why: string) => never = why => {
      throw new ApplyError(
        `Applying ${
          o.apiVersion
        } ${name} failed: ${why}. Already applied: ${already()}`,
        applied,
      );
    };
    let resource: Resource | undefined;
    try {
      resource = await served(discovery, o);
    } catch (e) {
      fail((e as Error).message);
    }
    if (!resource && opts.dryRun && fromCrds.has(keyOf(o))) {
      applied.push({ object: name, result: 'created' });
      opts.log?.(
        `${name} created (server dry run; its CRD ${fromCrds.get(
          keyOf(o),
        )} is new)`,
      );
      return;
    }
    if (!resource) {
      const crd = fromCrds.get(keyOf(o));
      fail(
        crd
          ? `kind ${
              o.kind
            } is not served although CRD ${crd} is Established (does the CRD list version ${
              o.apiVersion.split('/')[1]
            }?)`
          : `the server does not serve kind ${describeKind(
              o.apiVersion,
              o.kind,
            )}`,
      );
    }
    const ns = resource.namespaced
      ? o.metadata.namespace ?? 'default'
      : undefined;
    const body: Manifest = ns
      ? { ...o, metadata: { ...o.metadata, namespace: ns } }
      : o;
    const before = await answerOf(client.read(body)).catch(e =>
      fail(e.message),
    );
    if (before.status !== 200 && before.status !== 404)
      fail(statusText(before));
    if (opts.dryRun && ns && dryNamespaces.has(ns) && before.status === 404) {
      applied.push({ object: name, result: 'created' });
      opts.log?.(`${name} created (server dry run; its namespace is new)`);
      return;
    }
    const after = await answerOf(
      client.serverSideApply(body, {
        fieldManager: FIELD_MANAGER,
        force: opts.force,
        dryRun: opts.dryRun,
      }),
    ).catch(e => fail(e.message));
    if (after.status !== 200 && after.status !== 201) fail(statusText(after));
    let result: ApplyResult['result'];
    if (before.status === 404) result = 'created';
    else {
      // Same resourceVersion, or (dry runs, servers that store no-op writes)
      // the same content apart from server-kept metadata: unchanged.
      const same =
        (!opts.dryRun &&
          before.body.metadata?.resourceVersion ===
            after.body.metadata?.resourceVersion) ||
        canonical(before.body) === canonical(after.body);
      result = same ? 'unchanged' : 'configured';
    }
    applied.push({ object: name, result });
    if (o.kind === 'Namespace' && result === 'created')
      dryNamespaces.add(o.metadata.name);
    opts.log?.(`${name} ${result}${opts.dryRun ? ' (server dry run)' : ''}`);
  };

  const deadline = Date.now() + waitMs;
  const crds = ordered.filter(isCrd);
  const rest = ordered.filter(o => !isCrd(o) && !absent.has(keyOf(o)));
  const deferred = ordered.filter(o => absent.has(keyOf(o)));

  for (const o of crds) await applyOne(o);
  if (crds.length > 0 && !opts.dryRun) {
    await waitForEstablished(
      client,
      crds,
      deadline,
      pollMs,
      opts.log,
      already,
      applied,
    );
    // The new kinds are served now: look their groups up again.
    for (const o of rest)
      if (fromCrds.has(keyOf(o))) discovery.forget(o.apiVersion);
  }
  for (const o of rest) await applyOne(o);

  if (deferred.length > 0 && (mode === 'skip' || opts.dryRun)) {
    for (const o of deferred) {
      applied.push({ object: describeObject(o), result: 'skipped' });
      opts.log?.(
        `${describeObject(o)} skipped: no CRD serves ${o.kind} (${
          o.apiVersion
        })`,
      );
    }
  } else if (deferred.length > 0) {
    // mode wait: a controller may be installing the CRDs right now.
    const waiting = new Map(absent);
    opts.log?.(
      `waiting up to ${Math.round(waitMs / 1000)} s for the cluster to serve ${[
        ...waiting.values(),
      ]
        .map(k => k.kind)
        .join(', ')}`,
    );
    while (waiting.size > 0) {
      for (const [key, k] of [...waiting]) {
        discovery.forget(k.apiVersion);
        const serves = await served(discovery, k).catch(() => undefined);
        if (serves) waiting.delete(key);
      }
      if (waiting.size === 0) break;
      if (Date.now() >= deadline) {
        throw new ApplyError(
          `Cluster ${cluster.name} still serves no CRD after ${Math.round(
            waitMs / 1000,
          )} s for: ${[...waiting.values()]
            .map(k => describeKind(k.apiVersion, k.kind))
            .join('; ')}. Already applied: ${already()}`,
          applied,
        );
      }
      await sleep(pollMs);
    }
    for (const o of deferred) await applyOne(o);
  }
  return applied;
}

/** Waits until each CRD reports Established, as `kubectl wait --for condition=established` does. */
async function waitForEstablished(
  client: ClusterClient,
  crds: Manifest[],
  deadline: number,
  pollMs: number,
  log: ((line: string) => void) | undefined,
  already: () => string,
  applied: ApplyResult[],
): Promise<void> {
  for (const crd of crds) {
    let logged = false;
    for (;;) {
      const res = await answerOf(client.readCrd(crd.metadata.name)).catch(
        (e): KubeResponse => ({ status: 0, body: String(e.message) }),
      );
      const conditions: Array<{
        type: string;
        status: string;
        reason?: string;
        message?: string;
      }> = res.status === 200 ? res.body?.status?.conditions ?? [] : [];
      if (conditions.some(c => c.type === 'Established' && c.status === 'True'))
        break;
      const names = conditions.find(
        c => c.type === 'NamesAccepted' && c.status === 'False',
      );
      if (names) {
        throw new ApplyError(
          `CustomResourceDefinition ${crd.metadata.name}: names not accepted (${
            names.reason ?? ''
          }: ${names.message ?? ''}). Already applied: ${already()}`,
          applied,
        );
      }
      if (Date.now() >= deadline) {
        const seen =
          res.status === 200
            ? conditions.map(c => `${c.type}=${c.status}`).join(', ') ||
              'no conditions yet'
            : statusText(res);
        throw new ApplyError(
          `CustomResourceDefinition ${
            crd.metadata.name
          } is not Established within crdWaitSeconds (${seen}); its custom resources were not applied. Already applied: ${already()}`,
          applied,
        );
      }
      if (!logged)
        log?.(
          `waiting for CustomResourceDefinition ${crd.metadata.name} to be Established`,
        );
      logged = true;
      await sleep(pollMs);
    }
  }
}

import {
  claimRunbookUrl,
  claimStatus,
  conditionState,
  countConditions,
  CrossplaneClaimReference,
  CrossplaneClaimView,
  CrossplaneClusterClaims,
  CrossplaneCompositionInfo,
  CrossplaneConnectionSecret,
  CrossplaneEvent,
  CrossplaneNode,
  CrossplaneNodeRole,
  CrossplaneObjectRef,
  CrossplaneReadProblem,
  firstNotReadyReason,
  orderTree,
  readCondition,
  redactedYaml,
} from '@paved/plugin-paved-common';
import { ClusterReader } from '../clusters/ClusterReader';
import { clusterStatusOf, ClusterTimeoutError } from '../clusters/errors';
import { listPath } from '../clusters/paths';
import { ApiDiscovery, KindNotServedError, objectPath } from './discovery';
import { mapLimited } from './limit';

/** Composed resources read per composite; the rest are reported, not read. */
export const MAX_RESOURCE_REFS = 100;
/** Nesting of composites followed below a claim's composite. */
export const MAX_DEPTH = 4;
const CONCURRENCY = 8;
const EVENTS_PER_OBJECT = 20;
const CROSSPLANE_GROUP = 'apiextensions.crossplane.io';

/** Where to look for one entity's claims in one cluster. */
export interface CrossplaneSelection {
  references: CrossplaneClaimReference[];
  labelSelector: string;
  /** Namespace for the label lookup; all namespaces when unset. */
  namespace?: string;
}

interface Root {
  obj: any;
  foundBy: CrossplaneClaimView['foundBy'];
}

const describeRef = (ref: {
  kind?: string;
  name?: string;
  namespace?: string;
}) =>
  `${ref.kind ?? '?'} ${ref.namespace ? `${ref.namespace}/` : ''}${
    ref.name ?? '?'
  }`;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const hasCrossplaneSpec = (obj: any): boolean =>
  obj?.spec?.crossplane !== null && typeof obj?.spec?.crossplane === 'object';

/** A referenced object is a composite when it composes (managed resources never do). */
const isComposite = (obj: any): boolean =>
  Array.isArray(obj?.spec?.resourceRefs) ||
  hasCrossplaneSpec(obj) ||
  typeof obj?.spec?.compositionRef?.name === 'string';

/** A root is a v2 composite (`spec.crossplane`), a v1 composite, or a claim. */
function rootShape(obj: any): CrossplaneClaimView['shape'] {
  if (hasCrossplaneSpec(obj)) return 'v2-composite';
  if (Array.isArray(obj?.spec?.resourceRefs) || obj?.spec?.claimRef) {
    return 'v1-composite';
  }
  return 'v1-claim';
}

/**
 * Reads one entity's claims in one cluster, as the user, and says plainly
 * what it could not read: a missing composite, a deleted managed resource, a
 * kind discovery does not know, a 403 on one kind. Only the cluster being
 * unreachable fails the whole cluster.
 */
export class ClusterCrossplaneReader {
  private readonly discovery: ApiDiscovery;
  private readonly problems: CrossplaneReadProblem[] = [];

  constructor(private readonly reader: ClusterReader) {
    this.discovery = new ApiDiscovery(path => this.get(path));
  }

  private get(path: string): Promise<any> {
    return this.reader.get(path);
  }

  /** A problem to report; a timeout or abort ends the cluster's read instead. */
  private note(subject: string, error: unknown): void {
    if (
      error instanceof ClusterTimeoutError ||
      this.reader.ctx.signal?.aborted
    ) {
      throw error;
    }
    const statusCode = clusterStatusOf(error);
    this.problems.push({
      subject,
      message: messageOf(error),
      ...(statusCode ? { statusCode } : {}),
    });
  }

  async read(selection: CrossplaneSelection): Promise<CrossplaneClusterClaims> {
    // Before anything else: a cluster that cannot serve discovery is down.
    await this.discovery.groupNames();
    const roots: Root[] = [];
    const seen = new Set<string>();
    const add = (obj: any, foundBy: Root['foundBy']) => {
      const uid =
        obj?.metadata?.uid ??
        `${obj?.kind}/${obj?.metadata?.namespace}/${obj?.metadata?.name}`;
      if (seen.has(uid)) return;
      seen.add(uid);
      roots.push({ obj, foundBy });
    };

    for (const ref of selection.references) {
      const subject = describeRef(ref);
      try {
        const kind = await this.discovery.byGroupKind(ref.group, ref.kind);
        if (kind.namespaced && !ref.namespace) {
          throw new Error(
            `${ref.kind} is namespaced: name the namespace in the reference or set paved.dev/crossplane-namespace`,
          );
        }
        const obj = await this.get(objectPath(kind, ref.name, ref.namespace));
        add(obj, 'annotation');
      } catch (error) {
        this.note(subject, error);
      }
    }

    for (const obj of await this.byLabel(selection)) add(obj, 'label-selector');

    const claims = await mapLimited(roots, CONCURRENCY, root =>
      this.claimView(root),
    );
    return { claims, problems: this.problems };
  }

  /** Claims (v1) and namespaced composites (v2) carrying the entity's labels. */
  private async byLabel(selection: CrossplaneSelection): Promise<any[]> {
    let xrds: any[] = [];
    try {
      const xrdKind = await this.discovery.byGroupKind(
        CROSSPLANE_GROUP,
        'CompositeResourceDefinition',
      );
      xrds = await this.reader.listAll(
        listPath(xrdKind.group, xrdKind.version, xrdKind.plural),
      );
    } catch (error) {
      this.note(
        'CompositeResourceDefinitions (claims are only found through paved.dev/crossplane-claims)',
        error,
      );
      xrds = [];
    }
    const kinds = new Map<string, { group: string; kind: string }>();
    for (const xrd of xrds) {
      const group = xrd?.spec?.group;
      const claimKind = xrd?.spec?.claimNames?.kind;
      const kind =
        claimKind ??
        (xrd?.spec?.scope === 'Namespaced'
          ? xrd?.spec?.names?.kind
          : undefined);
      if (typeof group === 'string' && typeof kind === 'string') {
        kinds.set(`${kind}.${group}`, { group, kind });
      }
    }
    const found: any[] = [];
    await mapLimited(
      [...kinds.values()],
      CONCURRENCY,
      async ({ group, kind }) => {
        try {
          const served = await this.discovery.byGroupKind(group, kind);
          const path = listPath(
            group,
            served.version,
            served.plural,
            selection.namespace,
          );
          await this.reader.list(
            path,
            item =>
              found.push({
                apiVersion: `${group}/${served.version}`,
                ...item,
                kind,
              }),
            { labelSelector: selection.labelSelector },
          );
        } catch (error) {
          this.note(
            `${kind}.${group} with labels ${selection.labelSelector}`,
            error,
          );
        }
      },
    );
    return found;
  }

  private async claimView(root: Root): Promise<CrossplaneClaimView> {
    const shape = rootShape(root.obj);
    const tree = orderTree(
      await this.node(
        root.obj,
        shape === 'v1-claim' ? 'claim' : 'composite',
        0,
        new Set(),
      ),
    );
    // The composite says which composition it runs; a claim only asks for one.
    const composite =
      shape === 'v1-claim'
        ? tree.children.find(c => c.role === 'composite')
        : tree;
    const compositeObj = composite?.ref.uid
      ? this.objects.get(composite.ref.uid)
      : undefined;
    const source = compositeObj ?? root.obj;
    const spec = source?.spec?.crossplane ?? source?.spec ?? {};
    const [composition, compositionRevision, connectionSecrets] =
      await Promise.all([
        this.composition('Composition', spec.compositionRef?.name),
        this.composition(
          'CompositionRevision',
          spec.compositionRevisionRef?.name,
        ),
        this.connectionSecrets(root.obj, compositeObj),
      ]);
    const status = claimStatus(tree);
    const firstNotReady = firstNotReadyReason(tree);
    const runbookUrl = claimRunbookUrl(status);
    return {
      shape,
      foundBy: root.foundBy,
      root: tree,
      status,
      counts: countConditions(tree),
      ...(firstNotReady ? { firstNotReady } : {}),
      ...(composition ? { composition } : {}),
      ...(compositionRevision ? { compositionRevision } : {}),
      connectionSecrets,
      ...(runbookUrl ? { runbookUrl } : {}),
    };
  }

  /** Raw objects by uid, for the composition lookup; never returned. */
  private readonly objects = new Map<string, any>();

  private async node(
    obj: any,
    role: CrossplaneNodeRole,
    depth: number,
    visited: Set<string>,
  ): Promise<CrossplaneNode> {
    const meta = obj?.metadata ?? {};
    const synced = readCondition(obj, 'Synced');
    const ready = readCondition(obj, 'Ready');
    const deleting = typeof meta.deletionTimestamp === 'string';
    const ref: CrossplaneObjectRef = {
      apiVersion: String(obj?.apiVersion ?? ''),
      kind: String(obj?.kind ?? ''),
      name: String(meta.name ?? ''),
      ...(meta.namespace ? { namespace: meta.namespace } : {}),
      ...(meta.uid ? { uid: meta.uid } : {}),
    };
    if (meta.uid) visited.add(meta.uid);
    const [events, children] = await Promise.all([
      this.events(ref),
      this.children(obj, role, depth, visited),
    ]);
    const node: CrossplaneNode = {
      ref,
      role,
      state: conditionState(synced, ready, deleting),
      synced,
      ready,
      ...(meta.creationTimestamp ? { createdAt: meta.creationTimestamp } : {}),
      ...(deleting
        ? {
            deleting: {
              since: meta.deletionTimestamp,
              finalizers: Array.isArray(meta.finalizers)
                ? meta.finalizers.map(String)
                : [],
            },
          }
        : {}),
      yaml: redactedYaml(obj),
      events,
      children,
    };
    if (meta.uid) this.objects.set(meta.uid, obj);
    return node;
  }

  private async children(
    obj: any,
    role: CrossplaneNodeRole,
    depth: number,
    visited: Set<string>,
  ): Promise<CrossplaneNode[]> {
    const subject = describeRef({
      kind: obj?.kind,
      name: obj?.metadata?.name,
      namespace: obj?.metadata?.namespace,
    });
    if (role === 'claim') {
      const ref = obj?.spec?.resourceRef;
      if (!ref?.name) return []; // Crossplane has not made the composite yet.
      return [await this.follow(ref, undefined, 'composite', depth, visited)];
    }
    if (role !== 'composite') return [];
    const refs: any[] =
      obj?.spec?.crossplane?.resourceRefs ?? obj?.spec?.resourceRefs ?? [];
    if (!Array.isArray(refs)) return [];
    if (depth >= MAX_DEPTH) {
      this.problems.push({
        subject,
        message: `${refs.length} composed resources not read: composites nest deeper than ${MAX_DEPTH} levels`,
      });
      return [];
    }
    if (refs.length > MAX_RESOURCE_REFS) {
      this.problems.push({
        subject,
        message: `lists ${
          refs.length
        } composed resources; the first ${MAX_RESOURCE_REFS} were read, ${
          refs.length - MAX_RESOURCE_REFS
        } were not`,
      });
    }
    const namespace = obj?.metadata?.namespace;
    return mapLimited(refs.slice(0, MAX_RESOURCE_REFS), CONCURRENCY, ref =>
      this.follow(ref, namespace, undefined, depth + 1, visited),
    );
  }

  /** Reads a referenced object; an unreadable one becomes a node saying why. */
  private async follow(
    ref: any,
    parentNamespace: string | undefined,
    role: CrossplaneNodeRole | undefined,
    depth: number,
    visited: Set<string>,
  ): Promise<CrossplaneNode> {
    const apiVersion = String(ref?.apiVersion ?? '');
    const kindName = String(ref?.kind ?? '');
    const name = String(ref?.name ?? '');
    const stub = (
      state: 'missing' | 'unreadable',
      problem: string,
    ): CrossplaneNode => ({
      ref: {
        apiVersion,
        kind: kindName,
        name,
        ...(ref?.namespace ?? parentNamespace
          ? { namespace: ref?.namespace ?? parentNamespace }
          : {}),
      },
      role: role ?? 'managed',
      state,
      synced: { type: 'Synced', status: 'Absent' },
      ready: { type: 'Ready', status: 'Absent' },
      problem,
      events: [],
      children: [],
    });
    let namespace: string | undefined;
    try {
      const kind = await this.discovery.byApiVersion(apiVersion, kindName);
      namespace = kind.namespaced
        ? ref?.namespace ?? parentNamespace
        : undefined;
      const obj = await this.get(objectPath(kind, name, namespace));
      if (obj?.metadata?.uid && visited.has(obj.metadata.uid)) {
        return stub(
          'unreadable',
          'refers back to an object above it; not followed',
        );
      }
      const withType = { apiVersion, kind: kindName, ...obj };
      return this.node(
        withType,
        role ?? (isComposite(obj) ? 'composite' : 'managed'),
        depth,
        visited,
      );
    } catch (error) {
      if (
        error instanceof ClusterTimeoutError ||
        this.reader.ctx.signal?.aborted
      )
        throw error;
      const subject = describeRef({ kind: kindName, name, namespace });
      if (error instanceof KindNotServedError) {
        this.note(subject, error);
        return stub(
          'unreadable',
          `${error.message}: is its provider installed?`,
        );
      }
      if (clusterStatusOf(error) === 404) {
        const message = `${kindName} ${name} not found: deleted, or not created yet`;
        this.problems.push({ subject, message, statusCode: 404 });
        return stub('missing', message);
      }
      this.note(subject, error);
      return stub('unreadable', `could not be read: ${messageOf(error)}`);
    }
  }

  private async events(ref: CrossplaneObjectRef): Promise<CrossplaneEvent[]> {
    if (!ref.uid) return [];
    const base = ref.namespace
      ? `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/events`
      : '/api/v1/events';
    const query = new URLSearchParams({
      fieldSelector: `involvedObject.uid=${ref.uid}`,
      limit: String(EVENTS_PER_OBJECT),
    });
    try {
      const body = await this.get(`${base}?${query}`);
      const items: any[] = Array.isArray(body?.items) ? body.items : [];
      return items
        .map(
          (e): CrossplaneEvent => ({
            type: String(e?.type ?? 'Normal'),
            reason: String(e?.reason ?? ''),
            message: String(e?.message ?? ''),
            count: Number(e?.count ?? 1),
            ...(e?.lastTimestamp ?? e?.eventTime
              ? { lastTimestamp: e.lastTimestamp ?? e.eventTime }
              : {}),
            ...(e?.reportingComponent || e?.source?.component
              ? { source: e.reportingComponent || e.source.component }
              : {}),
          }),
        )
        .sort((a, b) =>
          String(b.lastTimestamp ?? '').localeCompare(
            String(a.lastTimestamp ?? ''),
          ),
        );
    } catch (error) {
      this.note(`events of ${describeRef(ref)}`, error);
      return [];
    }
  }

  private async composition(
    kind: 'Composition' | 'CompositionRevision',
    name: unknown,
  ): Promise<CrossplaneCompositionInfo | undefined> {
    if (typeof name !== 'string' || !name) return undefined;
    try {
      const served = await this.discovery.byGroupKind(CROSSPLANE_GROUP, kind);
      const obj = await this.get(objectPath(served, name));
      const revision = Number(obj?.spec?.revision);
      return {
        name,
        found: true,
        ...(typeof obj?.spec?.mode === 'string' ? { mode: obj.spec.mode } : {}),
        ...(kind === 'CompositionRevision' && Number.isFinite(revision)
          ? { revision }
          : {}),
      };
    } catch (error) {
      this.note(`${kind} ${name}`, error);
      return {
        name,
        found: false,
        problem:
          clusterStatusOf(error) === 404
            ? `${kind} ${name} not found`
            : messageOf(error),
      };
    }
  }

  /** The claim's and the composite's connection secrets: name and existence only. */
  private async connectionSecrets(
    root: any,
    composite: any,
  ): Promise<CrossplaneConnectionSecret[]> {
    const wanted: { name: string; namespace: string }[] = [];
    for (const obj of [root, composite]) {
      const ref =
        obj?.spec?.writeConnectionSecretToRef ??
        obj?.spec?.crossplane?.writeConnectionSecretToRef;
      const namespace = ref?.namespace ?? obj?.metadata?.namespace;
      if (typeof ref?.name === 'string' && typeof namespace === 'string') {
        if (
          !wanted.some(w => w.name === ref.name && w.namespace === namespace)
        ) {
          wanted.push({ name: ref.name, namespace });
        }
      }
    }
    return Promise.all(
      wanted.map(async ({ name, namespace }) => {
        try {
          const exists = await this.reader.secretExists(namespace, name);
          return { name, namespace, exists };
        } catch (error) {
          this.note(`connection secret ${namespace}/${name}`, error);
          return {
            name,
            namespace,
            problem: `could not check whether it exists: ${messageOf(error)}`,
          };
        }
      }),
    );
  }
}

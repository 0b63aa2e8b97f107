import { establishDelayMs } from '../resources/crd';
import { ResourceRegistry } from '../resources/registry';
import { ObjectStore, StoreEvent } from '../store/objectStore';
import { deepCopy, formatTime, isPlainObject, KubeObject } from '../types';

/**
 * The few controller behaviours a client can observe right after a write,
 * done synchronously on store events: CRDs become served kinds, deleting a
 * namespace removes its contents, objects marked for deletion go once their
 * finalizers are gone, and dependents follow their deleted owner
 * (background cascading deletion).
 */
export function startControllers(
  store: ObjectStore,
  registry: ResourceRegistry,
  now: () => Date,
): () => void {
  // CRDs whose establishment is delayed (see establishDelayMs), by name.
  const pending = new Set<string>();
  return store.subscribe(event => {
    const { resource: rt, object } = event;
    if (
      rt.group === 'apiextensions.k8s.io' &&
      rt.kind === 'CustomResourceDefinition'
    ) {
      onCrd(event, store, registry, now, pending);
    }
    if (event.type === 'DELETED') {
      collectDependents(object, store, registry);
      return;
    }
    // Only writes that mark or unblock a deletion act; fixtures may hold terminating objects.
    if (event.type !== 'MODIFIED' || !object.metadata.deletionTimestamp) return;
    if (rt.group === '' && rt.kind === 'Namespace') {
      finalizeNamespace(object, store, registry);
    } else if (
      (object.metadata.finalizers ?? []).length === 0 &&
      rt.kind !== 'Pod'
    ) {
      store.delete(rt, object.metadata.namespace, object.metadata.name!);
    }
  });
}

function onCrd(
  event: StoreEvent,
  store: ObjectStore,
  registry: ResourceRegistry,
  now: () => Date,
  pending: Set<string>,
): void {
  const crd = event.object;
  if (event.type === 'DELETED') {
    const types = registry.all().filter(t => t.fromCrd === crd.metadata.name);
    for (const rt of types.slice(0, 1)) {
      for (const cr of store.list(rt).items)
        store.delete(rt, cr.metadata.namespace, cr.metadata.name!);
    }
    registry.unregisterCrd(crd.metadata.name ?? '');
    return;
  }
  const name = crd.metadata.name ?? '';
  if (pending.has(name)) return;
  const status = isPlainObject(crd.status) ? crd.status : {};
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  const established = conditions.some(
    c => isPlainObject(c) && c.type === 'Established' && c.status === 'True',
  );
  const spec = isPlainObject(crd.spec) ? crd.spec : {};
  const delay = establishDelayMs(crd);
  if (!established && delay > 0) {
    // Names accepted, still installing: not served until the timer fires.
    pending.add(name);
    const time = formatTime(now());
    store.update(event.resource, {
      ...deepCopy(crd),
      status: {
        acceptedNames: spec.names,
        conditions: [
          {
            type: 'NamesAccepted',
            status: 'True',
            lastTransitionTime: time,
            reason: 'NoConflicts',
            message: 'no conflicts found',
          },
          {
            type: 'Established',
            status: 'False',
            lastTransitionTime: time,
            reason: 'Installing',
            message: 'the initial names have been accepted',
          },
        ],
      },
    });
    setTimeout(() => {
      pending.delete(name);
      const latest = store.get(event.resource, undefined, name);
      if (latest) establish(latest, event, store, registry, now);
    }, delay).unref();
    return;
  }
  registry.registerCrd(crd);
  if (established) return;
  establish(crd, event, store, registry, now);
}

/** Serves the CRD's kinds and reports what the apiextensions controllers do once names are accepted. */
function establish(
  crd: KubeObject,
  event: StoreEvent,
  store: ObjectStore,
  registry: ResourceRegistry,
  now: () => Date,
): void {
  registry.registerCrd(crd);
  const time = formatTime(now());
  const spec = isPlainObject(crd.spec) ? crd.spec : {};
  const next: KubeObject = deepCopy(crd);
  next.status = {
    acceptedNames: spec.names,
    conditions: [
      {
        type: 'NamesAccepted',
        status: 'True',
        lastTransitionTime: time,
        reason: 'NoConflicts',
        message: 'no conflicts found',
      },
      {
        type: 'Established',
        status: 'True',
        lastTransitionTime: time,
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
      },
    ],
    storedVersions: (Array.isArray(spec.versions) ? spec.versions : [])
      .filter(v => isPlainObject(v) && v.storage)
      .map(v => (v as { name: string }).name),
  };
  store.update(event.resource, next);
}

function finalizeNamespace(
  ns: KubeObject,
  store: ObjectStore,
  registry: ResourceRegistry,
): void {
  const name = ns.metadata.name!;
  for (const rt of registry.storageResources().filter(t => t.namespaced)) {
    for (const obj of store.list(rt, { namespace: name }).items) {
      if (store.get(rt, name, obj.metadata.name!))
        store.delete(rt, name, obj.metadata.name!);
    }
  }
  if (store.get(registry.find('', 'v1', 'namespaces')!, undefined, name)) {
    store.delete(registry.find('', 'v1', 'namespaces')!, undefined, name);
  }
}

function collectDependents(
  owner: KubeObject,
  store: ObjectStore,
  registry: ResourceRegistry,
): void {
  const uid = owner.metadata.uid;
  if (!uid) return;
  for (const rt of registry.storageResources()) {
    // Namespaced dependents live in their owner's namespace; cluster-scoped owners may own anything.
    const namespace =
      owner.metadata.namespace && rt.namespaced
        ? owner.metadata.namespace
        : undefined;
    if (owner.metadata.namespace && !rt.namespaced) continue;
    for (const dep of store.list(rt, { namespace }).items) {
      if (!(dep.metadata.ownerReferences ?? []).some(r => r.uid === uid))
        continue;
      if (store.get(rt, dep.metadata.namespace, dep.metadata.name!)) {
        store.delete(rt, dep.metadata.namespace, dep.metadata.name!);
      }
    }
  }
}

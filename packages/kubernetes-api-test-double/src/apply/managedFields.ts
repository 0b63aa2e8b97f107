import {
  deepCopy,
  deepEqual,
  isPlainObject,
  JsonObject,
  KubeObject,
  ManagedFieldsEntry,
} from '../types';
import { getAt } from './fieldPath';
import {
  FieldSet,
  fromFieldsV1,
  isItemPath,
  toFieldSet,
  toFieldsV1,
} from './fieldSet';

/** Metadata the server owns; never tracked as anyone's field (apimachinery's stripMeta). */
const SERVER_META = [
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
];

/** Which part of an object a write may change: everything but status, or only status. */
export type WriteScope = 'main' | 'status' | 'all';

/** The fields of an object that ownership is tracked for in a given write scope. */
export function trackedFields(
  obj: KubeObject | JsonObject,
  scope: WriteScope,
): FieldSet {
  const copy = deepCopy(obj) as JsonObject;
  delete copy.apiVersion;
  delete copy.kind;
  if (isPlainObject(copy.metadata)) {
    for (const k of SERVER_META) delete copy.metadata[k];
    if (Object.keys(copy.metadata).length === 0) delete copy.metadata;
  }
  if (scope === 'main') delete copy.status;
  if (scope === 'status')
    return toFieldSet(copy.status === undefined ? {} : { status: copy.status });
  return toFieldSet(copy);
}

/** A managedFields entry with its field set decoded. */
export interface Manager {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  subresource?: string;
  fields: FieldSet;
}

export function parseManagers(obj: KubeObject | undefined): Manager[] {
  return (obj?.metadata.managedFields ?? []).map(e => ({
    manager: e.manager,
    operation: e.operation,
    apiVersion: e.apiVersion,
    time: e.time,
    subresource: e.subresource,
    fields: fromFieldsV1(e.fieldsV1),
  }));
}

export function serializeManagers(managers: Manager[]): ManagedFieldsEntry[] {
  return managers
    .filter(m => m.fields.size > 0)
    .map(m => {
      const entry: ManagedFieldsEntry = {
        manager: m.manager,
        operation: m.operation,
        apiVersion: m.apiVersion,
        time: m.time,
        fieldsType: 'FieldsV1',
        fieldsV1: toFieldsV1(m.fields),
      };
      if (m.subresource) entry.subresource = m.subresource;
      return entry;
    });
}

/**
 * Whether two entries are the same manager. Apply managers are identified by
 * name; Update managers also by apiVersion and subresource, as in the API
 * server's manager identifiers.
 */
export function sameManager(
  a: Omit<Manager, 'fields'>,
  b: Omit<Manager, 'fields'>,
): boolean {
  if (a.manager !== b.manager || a.operation !== b.operation) return false;
  if ((a.subresource ?? '') !== (b.subresource ?? '')) return false;
  return a.operation === 'Apply' || a.apiVersion === b.apiVersion;
}

export interface UpdateOwnership {
  manager: string;
  apiVersion: string;
  time: string;
  subresource?: string;
  scope: WriteScope;
}

/**
 * Ownership after a non-apply write (create, update, patch): the writer takes
 * every field it added or changed, taking it away from other managers; fields
 * that disappeared are dropped from everyone.
 */
export function managedFieldsAfterUpdate(
  before: KubeObject | undefined,
  after: KubeObject,
  who: UpdateOwnership,
): ManagedFieldsEntry[] {
  const oldSet = before ? trackedFields(before, who.scope) : new FieldSet();
  const newSet = trackedFields(after, who.scope);
  const changed = new FieldSet(
    newSet
      .toArray()
      .filter(
        p =>
          !oldSet.has(p) ||
          (!isItemPath(p) && !deepEqual(getAt(before, p), getAt(after, p))),
      ),
  );
  const removed = oldSet.minus(newSet);
  const self: Omit<Manager, 'fields'> = {
    manager: who.manager,
    operation: 'Update',
    apiVersion: who.apiVersion,
    subresource: who.subresource,
  };
  const managers = parseManagers(before);
  let mine = managers.find(m => sameManager(m, self));
  for (const m of managers) {
    if (m !== mine) m.fields = m.fields.minus(changed).minus(removed);
  }
  if (changed.size > 0 || mine) {
    if (!mine) {
      mine = { ...self, fields: new FieldSet() };
      managers.push(mine);
    }
    mine.fields = mine.fields.union(changed).minus(removed);
    if (changed.size > 0) mine.time = who.time;
  }
  return serializeManagers(managers);
}

import { ResourceType } from '../resources/types';
import { buildTable, IncludeObject, TableListMeta } from '../table/buildTable';
import { crdPrinter } from '../table/crdPrinter';
import { printerFor } from '../table/printers';
import { KubeObject } from '../types';
import { ApiContext, ApiResponse } from './context';
import { Representation } from './negotiation';
import { listText } from './listText';
import { badRequest } from './status';

function includeObject(query: URLSearchParams): IncludeObject {
  const v = query.get('includeObject') ?? 'Metadata';
  if (v === '' || v === 'Metadata') return 'Metadata';
  if (v === 'None' || v === 'Object') return v;
  throw badRequest(
    `includeObject: Unsupported value: "${v}": supported values: "Metadata", "None", "Object"`,
  );
}

function printer(ctx: ApiContext, rt: ResourceType) {
  if (!rt.fromCrd) return printerFor(rt.group, rt.kind);
  const crdType = ctx.registry.findByKind(
    'apiextensions.k8s.io/v1',
    'CustomResourceDefinition',
  );
  const crd = crdType
    ? ctx.store.get(crdType, undefined, rt.fromCrd)
    : undefined;
  return crdPrinter(crd, rt.version);
}

/** Built-in list items carry no apiVersion/kind in real responses; custom resources do. */
function listItem(rt: ResourceType, obj: KubeObject): KubeObject {
  if (rt.fromCrd) return obj;
  const { apiVersion: _a, kind: _k, ...rest } = obj;
  return rest as KubeObject;
}

export function presentList(
  ctx: ApiContext,
  rt: ResourceType,
  items: KubeObject[],
  meta: TableListMeta,
  rep: Representation,
  query: URLSearchParams,
): ApiResponse {
  if (rep.as === 'Table') {
    const table = buildTable(printer(ctx, rt), items, meta, {
      now: ctx.now(),
      includeObject: includeObject(query),
      version: rep.version,
    });
    return { type: 'json', status: 200, body: table };
  }
  if (rep.as === 'PartialObjectMetadata') {
    const apiVersion = `meta.k8s.io/${rep.version}`;
    return {
      type: 'json',
      status: 200,
      body: {
        kind: 'PartialObjectMetadataList',
        apiVersion,
        metadata: meta,
        items: items.map(i => ({
          kind: 'PartialObjectMetadata',
          apiVersion,
          metadata: i.metadata,
        })),
      },
    };
  }
  const apiVersion = rt.group ? `${rt.group}/${rt.version}` : rt.version;
  const head = { apiVersion, kind: rt.listKind, metadata: meta };
  const listed = items.map(i => listItem(rt, i));
  return {
    type: 'json',
    status: 200,
    yaml: rep.format === 'yaml',
    body: { ...head, items: listed },
    json: () => listText(head, listed),
  };
}

export function presentObject(
  ctx: ApiContext,
  rt: ResourceType,
  obj: KubeObject,
  rep: Representation,
  query: URLSearchParams,
  status = 200,
): ApiResponse {
  if (rep.as === 'Table') {
    const table = buildTable(
      printer(ctx, rt),
      [obj],
      { resourceVersion: obj.metadata.resourceVersion },
      {
        now: ctx.now(),
        includeObject: includeObject(query),
        version: rep.version,
      },
    );
    return { type: 'json', status, body: table };
  }
  if (rep.as === 'PartialObjectMetadata') {
    const body = {
      kind: 'PartialObjectMetadata',
      apiVersion: `meta.k8s.io/${rep.version}`,
      metadata: obj.metadata,
    };
    return { type: 'json', status, body };
  }
  return { type: 'json', status, body: obj, yaml: rep.format === 'yaml' };
}

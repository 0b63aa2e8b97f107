import { KubeObject } from '../types';
import { Printer, TableColumnDefinition } from './printers';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata: TableListMeta;
  columnDefinitions: TableColumnDefinition[];
  rows: Array<{ cells: unknown[]; object?: unknown }>;
}

/** A meta.k8s.io Table, the server-side printing kubectl asks for. */
export function buildTable(
  printer: Printer,
  objects: KubeObject[],
  meta: TableListMeta,
  opts: { now: Date; includeObject: IncludeObject; version: 'v1' | 'v1beta1' },
): Table {
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${opts.version}`,
    metadata: meta,
    columnDefinitions: printer.columns,
    rows: objects.map(obj => {
      const row: { cells: unknown[]; object?: unknown } = {
        cells: printer.cells(obj, opts.now),
      };
      if (opts.includeObject === 'Object') row.object = obj;
      if (opts.includeObject === 'Metadata') {
        row.object = {
          kind: 'PartialObjectMetadata',
          apiVersion: `meta.k8s.io/${opts.version}`,
          metadata: obj.metadata,
        };
      }
      return row;
    }),
  };
}

import { isPlainObject, JsonObject, KubeObject } from '../types';
import { since } from './age';
import { genericPrinter, Printer } from './printers';

/**
 * Evaluates the JSONPath subset CRD printer columns use: `.a.b`, `[0]`,
 * `['key']` and `[?(@.type=="Ready")]` filters. Returns every match.
 */
export function evaluateJsonPath(root: unknown, path: string): unknown[] {
  const tokens = path.match(/\.[^.[\]]+|\[\?\(@\.[^)]*\)\]|\[[^\]]*\]/g) ?? [];
  let current: unknown[] = [root];
  for (const token of tokens) {
    const next: unknown[] = [];
    for (const value of current) {
      if (token.startsWith('[?(')) {
        const m = /^\[\?\(@\.([\w.-]+)\s*==\s*["']([^"']*)["']\)\]$/.exec(
          token,
        );
        if (m && Array.isArray(value)) {
          next.push(
            ...value.filter(
              item => String(evaluateJsonPath(item, `.${m[1]}`)[0]) === m[2],
            ),
          );
        }
      } else if (token.startsWith('[')) {
        const inner = token.slice(1, -1).replace(/^['"]|['"]$/g, '');
        if (Array.isArray(value) && /^\d+$/.test(inner))
          next.push(value[Number(inner)]);
        else if (inner === '*' && Array.isArray(value)) next.push(...value);
        else if (isPlainObject(value) && inner in value)
          next.push(value[inner]);
      } else if (isPlainObject(value) && token.slice(1) in value) {
        next.push(value[token.slice(1)]);
      }
    }
    current = next.filter(v => v !== undefined);
  }
  return current;
}

/** The table printer a CRD version declares with additionalPrinterColumns. */
export function crdPrinter(
  crd: KubeObject | undefined,
  version: string,
): Printer {
  const versions = Array.isArray(o(crd?.spec).versions)
    ? (o(crd?.spec).versions as unknown[])
    : [];
  const v = versions.filter(isPlainObject).find(x => x.name === version);
  const declared = Array.isArray(v?.additionalPrinterColumns)
    ? v!.additionalPrinterColumns.filter(isPlainObject)
    : [];
  if (declared.length === 0) return genericPrinter;
  return {
    columns: [
      genericPrinter.columns[0],
      ...declared.map(c => ({
        name: String(c.name),
        type: String(c.type ?? 'string'),
        format: String(c.format ?? ''),
        description: String(c.description ?? ''),
        priority: Number(c.priority ?? 0),
      })),
    ],
    cells(obj, now) {
      return [
        obj.metadata.name,
        ...declared.map(c => {
          const value = evaluateJsonPath(obj, String(c.jsonPath ?? ''))[0];
          if (value === undefined) return null;
          if (c.type === 'date') return since(value, now);
          return value;
        }),
      ];
    },
  };
}

function o(v: unknown): JsonObject {
  return isPlainObject(v) ? v : {};
}

import { SelectorError } from './errors';

export interface FieldRequirement {
  field: string;
  operator: 'Equals' | 'NotEquals';
  value: string;
}

/** Splits on separators not escaped with a backslash. */
function splitUnescaped(input: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '\\' && i + 1 < input.length) {
      current += input[i] + input[i + 1];
      i++;
    } else if (input[i] === sep) {
      parts.push(current);
      current = '';
    } else {
      current += input[i];
    }
  }
  parts.push(current);
  return parts;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/**
 * Parses a field selector like apimachinery's fields.ParseSelector: terms
 * `field=value`, `field==value`, `field!=value`, comma-separated; `\,`, `\=`
 * and `\\` escape inside values.
 */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  if (selector.trim() === '') return [];
  return splitUnescaped(selector, ',').map(term => {
    for (const op of ['!=', '==', '='] as const) {
      const at = indexOfUnescaped(term, op);
      if (at >= 0) {
        return {
          field: term.slice(0, at).trim(),
          operator: op === '!=' ? 'NotEquals' : 'Equals',
          value: unescape(term.slice(at + op.length)),
        };
      }
    }
    throw new SelectorError(
      `invalid selector: '${selector}'; can't understand '${term}'`,
    );
  });
}

function indexOfUnescaped(term: string, op: string): number {
  for (let i = 0; i < term.length; i++) {
    if (term[i] === '\\') {
      i++;
      continue;
    }
    if (term.startsWith(op, i)) return i;
  }
  return -1;
}

export function matchesFieldSelector(
  requirements: FieldRequirement[],
  fields: Record<string, string>,
): boolean {
  return requirements.every(r => {
    const actual = fields[r.field] ?? '';
    return r.operator === 'Equals' ? actual === r.value : actual !== r.value;
  });
}

/** Kyverno anchors on pattern keys: `(k)`, `<(k)`, `X(k)`, `=(k)`, `^(k)`, `+(k)`. */
export type AnchorType =
  | 'condition'
  | 'global'
  | 'negation'
  | 'equality'
  | 'existence'
  | 'addIfNotPresent';

export interface Anchor {
  type: AnchorType;
  key: string;
}

const MODIFIERS: Record<string, AnchorType> = {
  '': 'condition',
  '<': 'global',
  X: 'negation',
  '=': 'equality',
  '^': 'existence',
  '+': 'addIfNotPresent',
};

const ANCHOR = /^([+<=X^])?\((.+)\)$/;

export function parseAnchor(key: string): Anchor | undefined {
  const m = ANCHOR.exec(key.trim());
  if (!m) return undefined;
  return { type: MODIFIERS[m[1] ?? ''], key: m[2] };
}

const PREFIX: Record<AnchorType, string> = {
  condition: '',
  global: '<',
  negation: 'X',
  equality: '=',
  existence: '^',
  addIfNotPresent: '+',
};

export const anchorString = (a: Anchor) => `${PREFIX[a.type]}(${a.key})`;

export const isAnchorOf = (key: string, ...types: AnchorType[]) => {
  const a = parseAnchor(key);
  return a !== undefined && types.includes(a.type);
};

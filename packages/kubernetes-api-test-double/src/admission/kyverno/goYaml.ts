/*
 * The YAML Kyverno (v1.10 to v1.18, gopkg.in/yaml.v2) prints the failed
 * rules with, reproduced for a map of maps of strings: keys in yaml.v2's
 * order, plain scalars where YAML allows them, single quotes otherwise
 * (double quotes for unprintable characters), and long values folded at
 * spaces once a line passes 80 columns.
 */

const BEST_WIDTH = 80;
const INDENT = 2;

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);

/** yaml.v2's key order: letters after other characters, digit runs numerically. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++)
      an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++)
      bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

function compareKeys(a: string, b: string): number {
  if (yamlKeyLess(a, b)) return -1;
  return yamlKeyLess(b, a) ? 1 : 0;
}

const sortKeys = (keys: string[]) => [...keys].sort(compareKeys);

function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    cp === 0x85 ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

// Strings YAML 1.1 would read as something else: yaml.v2 double-quotes them.
const NON_STRING =
  /^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|0x[0-9a-fA-F]+|0b[01]+|0o?[0-7]+)$/;

type Style = 'plain' | 'single' | 'double' | 'literal';

/** The style yaml.v2 picks for a block-context string scalar. */
function styleOf(s: string): Style {
  if (s.includes('\n')) return 'literal';
  if (s === '' || NON_STRING.test(s)) return 'double';
  const chars = [...s];
  let plain = true;
  let special = false;
  if (/^(---|\.\.\.)/.test(s)) plain = false;
  chars.forEach((c, i) => {
    const followedByBlank = i + 1 >= chars.length || /[ \t]/.test(chars[i + 1]);
    const precededByBlank = i === 0 || /[ \t]/.test(chars[i - 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) plain = false;
      if ((c === '?' || c === ':' || c === '-') && followedByBlank)
        plain = false;
    } else {
      if (c === ':' && followedByBlank) plain = false;
      if (c === '#' && precededByBlank) plain = false;
    }
    if (!isPrintable(c)) special = true;
  });
  if (chars[0] === ' ' || chars[chars.length - 1] === ' ') plain = false;
  if (special) return 'double';
  return plain ? 'plain' : 'single';
}

/** Writes a scalar that starts at `column`; continuation lines are indented by `indent`. */
function writeScalar(s: string, column: number, indent: number): string {
  const style = styleOf(s);
  const pad = ' '.repeat(indent);
  if (style === 'double') return JSON.stringify(s);
  if (style === 'literal') {
    const chomp = s.endsWith('\n') ? '' : '-';
    const body = s.replace(/\n$/, '').split('\n');
    return `|${chomp}\n${body.map(l => (l ? pad + l : '')).join('\n')}`;
  }
  const chars = [...s];
  let out = style === 'single' ? "'" : '';
  let col = column + out.length;
  let spaces = false;
  chars.forEach((c, i) => {
    if (c === ' ') {
      const canBreak =
        !spaces &&
        col > BEST_WIDTH &&
        chars[i + 1] !== ' ' &&
        (style === 'plain' || (i > 0 && i < chars.length - 1));
      if (canBreak) {
        out += `\n${pad}`;
        col = indent;
      } else {
        out += ' ';
        col++;
      }
      spaces = true;
      return;
    }
    if (style === 'single' && c === "'") {
      out += "'";
      col++;
    }
    out += c;
    col++;
    spaces = false;
  });
  return style === 'single' ? `${out}'` : out;
}

function writeKey(key: string): string {
  const style = styleOf(key);
  if (style === 'plain') return key;
  if (style === 'single') return `'${key.replace(/'/g, "''")}'`;
  return JSON.stringify(key);
}

/** `policy:\n  rule: message\n` for every policy and rule, as Kyverno's denial lists them. */
export function goYamlMapOfMaps(
  data: Map<string, Map<string, string>>,
): string {
  let out = '';
  for (const policy of sortKeys([...data.keys()])) {
    out += `${writeKey(policy)}:\n`;
    const rules = data.get(policy)!;
    for (const rule of sortKeys([...rules.keys()])) {
      const prefix = `${' '.repeat(INDENT)}${writeKey(rule)}: `;
      out += `${prefix}${writeScalar(
        rules.get(rule)!,
        [...prefix].length,
        INDENT * 2,
      )}\n`;
    }
  }
  return out;
}

import { REDACTED, redactObject } from '../secrets/redact';

/*
 * Log lines are redacted with the YAML view's rules (secrets/redact.ts),
 * not a second set: a JSON line is redacted as the object it is, and a
 * `key=value` / `key: value` pair is redacted exactly when redactObject
 * would redact `{ key: value }`. Free text has two shapes no key names,
 * which the object rules cannot see: credentials in a URL
 * (`scheme://user:pass@host`) and `Bearer <token>`.
 */

// `key=value`, `key: value`, `"key": "value"`; values end at space , ; & or a quote's end.
const PAIR =
  /("?)([A-Za-z_][\w.-]*)\1(\s*[=:]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&"']+)/g;
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^/\s:@]+):([^/\s@]+)@/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/g;
const PEM_BEGIN = /-----BEGIN [A-Z ]*-----/;
const PEM_END = /-----END [A-Z ]*-----/;

const unquote = (v: string) =>
  (v.startsWith('"') && v.endsWith('"') && v.length > 1) ||
  (v.startsWith("'") && v.endsWith("'") && v.length > 1)
    ? v.slice(1, -1)
    : v;

// Read a bare value as YAML would, so `passwordLength=32` stays a count and
// `autoGeneratePassword=true` a flag, as they do in the YAML view.
const scalar = (v: string): unknown => {
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
};

/** Whether the shared object rules redact `value` under `key`. */
function isSecretPair(key: string, value: string, quoted: boolean): boolean {
  const v = quoted ? value : scalar(value);
  return (redactObject({ [key]: v }) as any)[key] === REDACTED;
}

function redactJsonLine(line: string): string | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return undefined;
  const redacted = JSON.stringify(redactObject(parsed));
  // Unchanged lines keep their own formatting.
  return redacted === JSON.stringify(parsed) ? line : redacted;
}

function redactTextLine(line: string): string {
  return line
    .replace(
      URL_CREDENTIALS,
      (_m, scheme, user) => `${scheme}${user}:${REDACTED}@`,
    )
    .replace(BEARER, (_m, scheme) => `${scheme} ${REDACTED}`)
    .replace(PAIR, (match, quote, key, sep, value) => {
      const inner = unquote(value);
      // The value's own quote, kept around the redaction.
      const q = inner === value ? '' : value[0];
      if (inner === REDACTED || !isSecretPair(key, inner, q !== ''))
        return match;
      return `${quote}${key}${quote}${sep}${q}${REDACTED}${q}`;
    });
}

/**
 * Log lines fit to show: credentials replaced by `[redacted]` by the same
 * rules as the YAML views, PEM blocks withheld from their BEGIN to their
 * END line. Also counts the lines that changed.
 *
 * @public
 */
export function redactLogLines(lines: readonly string[]): {
  lines: string[];
  redactedLines: number;
} {
  let inPem = false;
  let redactedLines = 0;
  const out = lines.map(line => {
    let next: string;
    if (inPem || PEM_BEGIN.test(line)) {
      inPem = !PEM_END.test(line);
      next = REDACTED;
    } else {
      next = redactJsonLine(line) ?? redactTextLine(line);
    }
    if (next !== line) redactedLines += 1;
    return next;
  });
  return { lines: out, redactedLines };
}

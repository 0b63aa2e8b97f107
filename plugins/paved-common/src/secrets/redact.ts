import { parse, stringify } from 'yaml';

// One set of rules for every view that shows cluster data: the Crossplane
// YAML view and the evidence logs (evidence/redactLog.ts) both use it.

/** What replaces a redacted value. @public */
export const REDACTED = '[redacted]';

// Keys whose values are secret material. References to secrets (`...Ref`,
// `...Name`, `...Selector`) are not: they only say where a secret lives.
const SECRET_KEY =
  /(password|passwd|secret|token|apikey|api_key|accesskey|privatekey|private_key|credential|connectiondetails|^auth$|^data$|^stringdata$)/i;
const REFERENCE_KEY = /(ref|refs|name|selector|keys)$/i;
// Keys that name the secret itself (`password`, `masterPassword`, `apiToken`),
// not a setting about one (`passwordLength`, `tokenTTLSeconds`): a number
// under these is the secret (YAML reads `password: 123456` as a number).
const SECRET_VALUE_KEY =
  /(password|passwd|secret|token|apikey|api_key|accesskey|secretkey|privatekey|private_key|credentials?|^auth|^data|^stringdata)$/i;
const PEM = /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----/;
// Annotations that can hold a whole earlier manifest, secrets included.
const SECRET_BEARING_ANNOTATIONS = [
  'kubectl.kubernetes.io/last-applied-configuration',
];

function redactValue(key: string | undefined, value: unknown): unknown {
  if (Array.isArray(value)) return value.map(v => redactValue(key, v));
  if (value && typeof value === 'object') {
    if (key && SECRET_KEY.test(key) && !REFERENCE_KEY.test(key)) {
      return REDACTED;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(k, v);
    return out;
  }
  if (typeof value === 'string' && PEM.test(value)) return REDACTED;
  if (!key || !SECRET_KEY.test(key) || REFERENCE_KEY.test(key)) return value;
  // Values, not flags: `autoGeneratePassword: true` says nothing secret, and
  // neither does null or a count such as `passwordLength: 32`.
  if (typeof value === 'string') return value === '' ? value : REDACTED;
  if (typeof value === 'number' || typeof value === 'bigint') {
    return SECRET_VALUE_KEY.test(key) ? REDACTED : value;
  }
  return value;
}

/**
 * A copy of a Kubernetes object fit to show: values under secret-looking
 * keys, PEM blocks and last-applied manifests replaced by `[redacted]`, and
 * `managedFields` dropped as noise. Strings (and each string of an array)
 * and objects under those keys are redacted; booleans and null stay, and so
 * do numbers unless the key names the secret itself (`password: 1234`, but
 * not `passwordLength: 32`).
 *
 * @public
 */
export function redactObject<T>(obj: T): T {
  const copy = redactValue(undefined, obj) as any;
  if (copy?.metadata && typeof copy.metadata === 'object') {
    delete copy.metadata.managedFields;
    const annotations = copy.metadata.annotations;
    if (annotations && typeof annotations === 'object') {
      for (const name of SECRET_BEARING_ANNOTATIONS) {
        if (name in annotations) annotations[name] = REDACTED;
      }
    }
  }
  return copy;
}

/** {@link redactObject} as YAML, for the object's YAML view. @public */
export function redactedYaml(obj: unknown): string {
  return stringify(redactObject(obj));
}

/**
 * YAML text redacted again, for views that receive YAML from elsewhere: a
 * second line of defence behind the backend's own redaction. Text that is
 * not YAML is withheld entirely rather than shown unchecked.
 *
 * @public
 */
export function redactYamlText(text: string): string {
  try {
    return redactedYaml(parse(text));
  } catch {
    return `# ${REDACTED}: not valid YAML\n`;
  }
}

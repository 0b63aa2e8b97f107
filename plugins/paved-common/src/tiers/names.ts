/**
 * Kubernetes name rules. Namespaces and most labels-as-names must be DNS-1123
 * labels; the scaffolder derives namespace names from tenant and environment
 * names, so the combined name is checked too.
 */

/** DNS-1123 label: lower-case alphanumerics and '-', 1-63 characters. @public */
export const DNS1123_LABEL_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
const LABEL = new RegExp(DNS1123_LABEL_PATTERN);

/** @public */
export function isDns1123Label(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && LABEL.test(value);
}

/** DNS-1123 subdomain: dot-separated labels, at most 253 characters. @public */
export function isDns1123Subdomain(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= 253 &&
    value.split('.').every(p => LABEL.test(p))
  );
}

/** A label value: empty, or up to 63 of [A-Za-z0-9-_.] starting and ending alphanumeric. @public */
export function isLabelValue(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 63 &&
    /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value)
  );
}

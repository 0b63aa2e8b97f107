/**
 * Annotation naming the label whose allocations are an entity's cost, as
 * `<label key>=<value>`, e.g. `paved.dev/team=team-payments` on a Group or
 * `cost-center=cc-4100` on a Domain. OpenCost reports Pod and namespace
 * labels, so either kind of label works.
 *
 * @public
 */
export const ANNOTATION_COST_LABEL = 'paved.dev/cost-label';

/** The label a Group's cost is read from when it has no annotation. @public */
export const DEFAULT_TEAM_LABEL = 'team';

/** A label key, optionally prefixed like `paved.dev/team`. */
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/**
 * Reads {@link ANNOTATION_COST_LABEL}: `undefined` when absent, the label
 * otherwise; throws naming the annotation when it is not `key=value` with a
 * valid Kubernetes label key and value.
 *
 * @public
 */
export function readCostLabel(
  annotations: Record<string, string | undefined>,
): { label: string; value: string } | undefined {
  const raw = annotations[ANNOTATION_COST_LABEL];
  if (raw === undefined) return undefined;
  const at = raw.indexOf('=');
  const label = at < 0 ? '' : raw.slice(0, at).trim();
  const value = at < 0 ? '' : raw.slice(at + 1).trim();
  if (!label || !value || !LABEL_KEY.test(label) || !LABEL_VALUE.test(value)) {
    throw new Error(
      `${ANNOTATION_COST_LABEL} must be <label key>=<value> with a Kubernetes label key and value, got '${raw}'`,
    );
  }
  return { label, value };
}

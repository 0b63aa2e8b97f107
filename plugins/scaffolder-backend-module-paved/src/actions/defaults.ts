/** Input with defaults filled in where a field is absent (undefined or null). */
export function withDefaults<T extends Record<string, unknown>>(
  defaults: T,
  input: Record<string, any>,
): Record<string, any> {
  const out: Record<string, any> = { ...defaults };
  for (const [k, v] of Object.entries(input))
    if (v !== undefined && v !== null) out[k] = v;
  return out;
}

import Ajv, { ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { InputProblems } from '../validate/inputs';

/**
 * The schema with unknown fields refused wherever the XRD lists its fields
 * and does not say to keep unknown ones, since the API server would silently
 * prune them and the request would not be what the user asked for.
 */
function closed(schema: any): any {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const out: any = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] =
      k === 'properties'
        ? Object.fromEntries(
            Object.entries(v as object).map(([p, s]) => [p, closed(s)]),
          )
        : closed(v);
  }
  if (
    out.properties &&
    out.additionalProperties === undefined &&
    !out['x-kubernetes-preserve-unknown-fields']
  ) {
    out.additionalProperties = false;
  }
  return out;
}

function describe(error: ErrorObject, prefix: string[]): string {
  const path = [
    ...prefix,
    ...error.instancePath
      .split('/')
      .slice(1)
      .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~')),
  ];
  if (error.keyword === 'required') {
    path.push((error.params as { missingProperty: string }).missingProperty);
    return `${path.join('.')}: is required by the XRD`;
  }
  if (error.keyword === 'additionalProperties') {
    path.push(
      (error.params as { additionalProperty: string }).additionalProperty,
    );
    return `${path.join('.')}: is not a field of the XRD`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] })
      .allowedValues;
    return `${path.join('.')}: must be one of ${allowed
      .map(v => JSON.stringify(v))
      .join(', ')}`;
  }
  return `${path.join('.')}: ${error.message}`;
}

/** The user's parameters: a mapping, or YAML text holding one (the form's text box). */
export function readParameters(
  p: InputProblems,
  value: unknown,
): Record<string, unknown> | undefined {
  if (value === undefined || value === null || value === '') return {};
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = parseYaml(value);
    } catch (e) {
      p.add(
        'parameters',
        `is not valid YAML: ${(e as Error).message.split('\n')[0]}`,
      );
      return undefined;
    }
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    p.add(
      'parameters',
      'must be a mapping of parameter names to values, e.g. "storageGB: 20"',
    );
    return undefined;
  }
  return parsed as Record<string, unknown>;
}

/**
 * Validates parameters against the XRD version's `openAPIV3Schema` (its
 * `spec`), with the schema's defaults filled in. XRDs conventionally put
 * user inputs under `spec.parameters`: then the user's mapping is that
 * object. Returns the claim's `spec`, or adds one problem per bad field, named
 * as the user sees it (`parameters.storageGB`).
 */
export function validateParameters(
  p: InputProblems,
  schema: Record<string, any>,
  parameters: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const specSchema = schema?.properties?.spec ?? { type: 'object' };
  const nested =
    Boolean(specSchema?.properties?.parameters) &&
    !('parameters' in parameters);
  const spec = structuredClone(nested ? { parameters } : parameters);
  const validate = new Ajv({
    allErrors: true,
    strict: false,
    useDefaults: true,
  }).compile(closed(specSchema));
  if (validate(spec)) return spec;
  for (const error of validate.errors ?? []) {
    // Nested: `/parameters/storageGB` is the user's `parameters.storageGB`.
    const prefix = nested ? [] : ['parameters'];
    p.add(...(splitFirst(describe(error, prefix)) as [string, string]));
  }
  return undefined;
}

function splitFirst(message: string): [string, string] {
  const i = message.indexOf(': ');
  return [message.slice(0, i), message.slice(i + 2)];
}

/**
 * Turns an XRD's parameter schema (the OpenAPI v3 schema the XRD declares
 * for `spec.parameters`) into form fields, and checks values against it the
 * way the `paved:claim:scaffold` action will, so the form names a bad field
 * before the template runs. The action still checks against the live XRD.
 */

/** One form field for one parameter. */
export type ParameterField = {
  name: string;
  title: string;
  description?: string;
  required: boolean;
  default?: unknown;
} & (
  | { type: 'enum'; options: (string | number)[] }
  | {
      type: 'integer' | 'number';
      minimum?: number;
      maximum?: number;
    }
  | { type: 'string'; pattern?: string; minLength?: number; maxLength?: number }
  | { type: 'boolean' }
  // Objects, lists and anything else: entered as JSON text.
  | { type: 'json'; schemaType?: string }
);

const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const titleOf = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/^./, c => c.toUpperCase());

/** The fields of a parameter schema, required ones first, each in declared order. */
export function parameterFields(schema: unknown): ParameterField[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = new Set(
    Array.isArray(schema.required) ? schema.required.map(String) : [],
  );
  const fields = Object.entries(schema.properties).map(
    ([name, raw]): ParameterField => {
      const prop = isObject(raw) ? raw : {};
      const base = {
        name,
        title: typeof prop.title === 'string' ? prop.title : titleOf(name),
        ...(typeof prop.description === 'string'
          ? { description: prop.description }
          : {}),
        required: required.has(name),
        ...('default' in prop ? { default: prop.default } : {}),
      };
      if (Array.isArray(prop.enum) && prop.enum.length > 0) {
        return {
          ...base,
          type: 'enum',
          options: prop.enum.filter(
            (o: unknown): o is string | number =>
              typeof o === 'string' || typeof o === 'number',
          ),
        };
      }
      switch (prop.type) {
        case 'integer':
        case 'number':
          return {
            ...base,
            type: prop.type,
            ...(typeof prop.minimum === 'number'
              ? { minimum: prop.minimum }
              : {}),
            ...(typeof prop.maximum === 'number'
              ? { maximum: prop.maximum }
              : {}),
          };
        case 'string':
          return {
            ...base,
            type: 'string',
            ...(typeof prop.pattern === 'string'
              ? { pattern: prop.pattern }
              : {}),
            ...(typeof prop.minLength === 'number'
              ? { minLength: prop.minLength }
              : {}),
            ...(typeof prop.maxLength === 'number'
              ? { maxLength: prop.maxLength }
              : {}),
          };
        case 'boolean':
          return { ...base, type: 'boolean' };
        default:
          return {
            ...base,
            type: 'json',
            ...(typeof prop.type === 'string' ? { schemaType: prop.type } : {}),
          };
      }
    },
  );
  return [
    ...fields.filter(f => f.required),
    ...fields.filter(f => !f.required),
  ];
}

/** The schema's defaults, as the form starts. */
export function initialParameters(
  fields: readonly ParameterField[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.default !== undefined) out[f.name] = f.default;
    // An unticked box means false; left unset it would read as missing.
    else if (f.type === 'boolean' && f.required) out[f.name] = false;
  }
  return out;
}

/** What is wrong with each field's value, by field name; empty when nothing. */
export function parameterProblems(
  fields: readonly ParameterField[],
  values: Record<string, unknown> | undefined,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const v = values ?? {};
  // The action's check is closed: a key the XRD does not declare fails it.
  for (const key of Object.keys(v)) {
    if (!fields.some(f => f.name === key)) {
      problems[key] = 'is not a parameter of this XRD';
    }
  }
  for (const f of fields) {
    const value = v[f.name];
    if (value === undefined || value === '') {
      if (f.required) problems[f.name] = 'is required';
      continue;
    }
    const problem = fieldProblem(f, value);
    if (problem) problems[f.name] = problem;
  }
  return problems;
}

function fieldProblem(f: ParameterField, value: unknown): string | undefined {
  switch (f.type) {
    case 'enum':
      return f.options.includes(value as string | number)
        ? undefined
        : `must be one of ${f.options.join(', ')}`;
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return 'must be a number';
      }
      if (f.type === 'integer' && !Number.isInteger(value)) {
        return 'must be a whole number';
      }
      if (f.minimum !== undefined && value < f.minimum) {
        return `must be at least ${f.minimum}`;
      }
      if (f.maximum !== undefined && value > f.maximum) {
        return `must be at most ${f.maximum}`;
      }
      return undefined;
    }
    case 'string': {
      if (typeof value !== 'string') return 'must be text';
      if (f.minLength !== undefined && value.length < f.minLength) {
        return `must be at least ${f.minLength} characters`;
      }
      if (f.maxLength !== undefined && value.length > f.maxLength) {
        return `must be at most ${f.maxLength} characters`;
      }
      if (f.pattern !== undefined) {
        try {
          if (!new RegExp(f.pattern, 'u').test(value)) {
            return `must match ${f.pattern}`;
          }
        } catch {
          // A pattern JavaScript cannot read: the cluster's check decides.
        }
      }
      return undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'json':
      // The input keeps text it could not parse as it was typed.
      if (f.schemaType !== 'string' && typeof value === 'string') {
        return 'must be valid JSON';
      }
      if (f.schemaType === 'object' && !isObject(value)) {
        return 'must be a JSON object';
      }
      if (f.schemaType === 'array' && !Array.isArray(value)) {
        return 'must be a JSON list';
      }
      return undefined;
    default:
      return undefined;
  }
}

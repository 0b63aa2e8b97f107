/**
 * Turns an XRD's parameter schema (the OpenAPI v3 schema the XRD declares
 * for `spec.parameters`) into form fields, and checks values against it the
 * way the `paved:claim:scaffold` action will, so the form names a bad field
 * before the template runs. The action still checks against the live XRD.
 */

import Ajv, { ErrorObject, ValidateFunction } from 'ajv';

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

/**
 * The JSON schema of one field: the constraints the form offers an input
 * for. Deeper rules (an object's own fields, a list's items) are left to the
 * action's check against the live XRD, so each problem here stays one plain
 * sentence about one field.
 */
function fieldSchema(f: ParameterField): Record<string, unknown> {
  switch (f.type) {
    case 'enum':
      // ajv refuses an empty enum; no value is allowed either way.
      return f.options.length > 0 ? { enum: f.options } : { not: {} };
    case 'integer':
    case 'number':
      return {
        type: f.type,
        ...(f.minimum !== undefined ? { minimum: f.minimum } : {}),
        ...(f.maximum !== undefined ? { maximum: f.maximum } : {}),
      };
    case 'string':
      return {
        type: 'string',
        ...(f.minLength !== undefined ? { minLength: f.minLength } : {}),
        ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
        // A pattern JavaScript cannot read: the cluster's check decides.
        ...(f.pattern !== undefined && readablePattern(f.pattern)
          ? { pattern: f.pattern }
          : {}),
      };
    case 'boolean':
      return { type: 'boolean' };
    default:
      return {
        // The input keeps text it could not parse as it was typed.
        ...(f.schemaType !== 'string' ? { not: { type: 'string' } } : {}),
        ...(f.schemaType === 'object' || f.schemaType === 'array'
          ? { type: f.schemaType }
          : {}),
      };
  }
}

function readablePattern(pattern: string): boolean {
  try {
    // As ajv reads it (unicodeRegExp).
    return Boolean(new RegExp(pattern, 'u'));
  } catch {
    return false;
  }
}

/** The parameters' schema: closed, as the action's check is. */
function parametersSchema(fields: readonly ParameterField[]) {
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map(f => [f.name, fieldSchema(f)])),
    required: fields.filter(f => f.required).map(f => f.name),
    additionalProperties: false,
  };
}

// strictNumbers: NaN and Infinity are not numbers, as for the action's JSON.
const ajv = new Ajv({ allErrors: true, strict: false, strictNumbers: true });

/** Compiled validators by schema: the form checks on every change. */
const validators = new Map<string, ValidateFunction>();

function validatorFor(fields: readonly ParameterField[]): ValidateFunction {
  const schema = parametersSchema(fields);
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

/** Which of a field's failures is named when it has several. */
const KEYWORD_ORDER = [
  'not',
  'type',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
];

/** An ajv error about one field, in the form's words. */
function fieldMessage(
  f: ParameterField,
  error: ErrorObject,
  value: unknown,
): string {
  switch (f.type) {
    case 'enum':
      return `must be one of ${f.options.join(', ')}`;
    case 'integer':
    case 'number':
      if (error.keyword === 'minimum') return `must be at least ${f.minimum}`;
      if (error.keyword === 'maximum') return `must be at most ${f.maximum}`;
      return typeof value === 'number' && Number.isFinite(value)
        ? 'must be a whole number'
        : 'must be a number';
    case 'string':
      if (error.keyword === 'minLength') {
        return `must be at least ${f.minLength} characters`;
      }
      if (error.keyword === 'maxLength') {
        return `must be at most ${f.maxLength} characters`;
      }
      if (error.keyword === 'pattern') return `must match ${f.pattern}`;
      return 'must be text';
    case 'boolean':
      return 'must be true or false';
    default:
      if (error.keyword === 'not') return 'must be valid JSON';
      return f.schemaType === 'array'
        ? 'must be a JSON list'
        : 'must be a JSON object';
  }
}

/** A top-level property's name from an ajv instance path (`/storageGB`). */
const propertyOf = (instancePath: string) =>
  instancePath.slice(1).split('/')[0].replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * What is wrong with each field's value, by field name; empty when nothing.
 * Checked by ajv against the fields' schema; an empty value is a missing one.
 */
export function parameterProblems(
  fields: readonly ParameterField[],
  values: Record<string, unknown> | undefined,
): Record<string, string> {
  const v = values ?? {};
  const byName = new Map(fields.map(f => [f.name, f]));
  // An emptied input leaves '' (or undefined) behind: not a value.
  const data = Object.fromEntries(
    Object.entries(v).filter(
      ([name, value]) =>
        !byName.has(name) || (value !== undefined && value !== ''),
    ),
  );
  const validate = validatorFor(fields);
  if (validate(data)) return {};

  const found = new Map<string, { rank: number; message: string }>();
  const note = (name: string, rank: number, message: string) => {
    const seen = found.get(name);
    if (!seen || rank < seen.rank) found.set(name, { rank, message });
  };
  for (const error of validate.errors ?? []) {
    if (error.keyword === 'additionalProperties') {
      const name = (error.params as { additionalProperty: string })
        .additionalProperty;
      // The action's check is closed: a key the XRD does not declare fails it.
      note(name, -1, 'is not a parameter of this XRD');
    } else if (error.keyword === 'required') {
      const name = (error.params as { missingProperty: string })
        .missingProperty;
      note(name, -1, 'is required');
    } else {
      const name = propertyOf(error.instancePath);
      const f = byName.get(name);
      if (!f) continue;
      const rank = KEYWORD_ORDER.indexOf(error.keyword);
      note(
        name,
        rank < 0 ? KEYWORD_ORDER.length : rank,
        fieldMessage(f, error, data[name]),
      );
    }
  }

  // Unknown keys first, then the fields in the form's order.
  const problems: Record<string, string> = {};
  const order = [
    ...Object.keys(v).filter(name => !byName.has(name)),
    ...fields.map(f => f.name),
  ];
  for (const name of order) {
    const problem = found.get(name);
    if (problem) problems[name] = problem.message;
  }
  return problems;
}

import {
  ALLOCATION_COST_FIELDS,
  ALLOCATION_OPTIONAL_FIELDS,
  ALLOCATION_USAGE_FIELDS,
  MaybeNumber,
  OpenCostAllocation,
  OpenCostAllocationProperties,
} from './types';

/**
 * OpenCost answered, but not with an allocation response Paved can trust.
 * `field` names where the answer went wrong, e.g.
 * `data[0]["payments/deployment:payments-api"].cpuCost`.
 */
export class OpenCostDataError extends Error {
  readonly name = 'OpenCostDataError';
  constructor(readonly field: string, readonly problem: string) {
    super(`Malformed OpenCost response at ${field}: ${problem}`);
  }
}

/** OpenCost itself reported a failure (`code` other than 200). */
export class OpenCostApiError extends Error {
  readonly name = 'OpenCostApiError';
  constructor(readonly code: number, message: string) {
    super(`OpenCost answered code ${code}: ${message}`);
  }
}

/** One step of a parsed answer. A step OpenCost sent as null has no window. */
export interface ParsedAllocationSet {
  /** Window of the step, from its allocations; undefined for an empty step. */
  start?: string;
  end?: string;
  /** Earliest time any allocation of the step has data from. */
  dataStart?: string;
  allocations: OpenCostAllocation[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const describe = (v: unknown) =>
  v === undefined ? 'missing' : `got ${JSON.stringify(v)?.slice(0, 40)}`;

function readNumber(
  raw: Record<string, unknown>,
  field: string,
  where: string,
  required: boolean,
): MaybeNumber | undefined {
  const v = raw[field];
  if (v === null) return null;
  if (v === undefined && !required) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  // Some encoders write NaN/Inf as strings; still unknown, not a number.
  if (v === 'NaN' || v === 'Inf' || v === '+Inf' || v === '-Inf') return null;
  throw new OpenCostDataError(
    `${where}.${field}`,
    `expected a number or null, ${describe(v)}`,
  );
}

function readTime(raw: unknown, where: string): string {
  if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw))) {
    throw new OpenCostDataError(
      where,
      `expected an RFC 3339 time, ${describe(raw)}`,
    );
  }
  return raw;
}

function readStringMap(
  raw: unknown,
  where: string,
): Record<string, string> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) {
    throw new OpenCostDataError(where, `expected an object, ${describe(raw)}`);
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) out[k] = String(v);
  return out;
}

function readProperties(
  raw: unknown,
  where: string,
): OpenCostAllocationProperties {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) {
    throw new OpenCostDataError(where, `expected an object, ${describe(raw)}`);
  }
  const out: OpenCostAllocationProperties = {};
  for (const key of [
    'cluster',
    'node',
    'namespace',
    'controller',
    'controllerKind',
    'pod',
    'container',
  ] as const) {
    const v = raw[key];
    if (typeof v === 'string' && v !== '') out[key] = v;
  }
  const labels = readStringMap(raw.labels, `${where}.labels`);
  if (labels) out.labels = labels;
  const nsLabels = readStringMap(
    raw.namespaceLabels,
    `${where}.namespaceLabels`,
  );
  if (nsLabels) out.namespaceLabels = nsLabels;
  return out;
}

/** Checks one allocation against the documented shape. */
export function parseAllocation(
  raw: unknown,
  key: string,
  where: string,
): OpenCostAllocation {
  if (!isObject(raw)) {
    throw new OpenCostDataError(
      where,
      `expected an allocation object, ${describe(raw)}`,
    );
  }
  const window = raw.window;
  if (!isObject(window)) {
    throw new OpenCostDataError(
      `${where}.window`,
      `expected {start, end}, ${describe(window)}`,
    );
  }
  const alloc: Record<string, unknown> = {
    name: typeof raw.name === 'string' && raw.name ? raw.name : key,
    properties: readProperties(raw.properties, `${where}.properties`),
    window: {
      start: readTime(window.start, `${where}.window.start`),
      end: readTime(window.end, `${where}.window.end`),
    },
    start: readTime(raw.start, `${where}.start`),
    end: readTime(raw.end, `${where}.end`),
  };
  for (const f of [...ALLOCATION_COST_FIELDS, ...ALLOCATION_USAGE_FIELDS]) {
    alloc[f] = readNumber(raw, f, where, true);
  }
  for (const f of ALLOCATION_OPTIONAL_FIELDS) {
    const v = readNumber(raw, f, where, false);
    if (v !== undefined) alloc[f] = v;
  }
  return alloc as OpenCostAllocation;
}

/**
 * Checks a whole `/allocation` or `/allocation/compute` body. Throws
 * {@link OpenCostApiError} when OpenCost reports a failure and
 * {@link OpenCostDataError} naming the first field that is wrong; a single
 * bad allocation fails the whole answer, because a total without it would
 * be a wrong number.
 */
export function parseAllocationResponse(body: unknown): ParsedAllocationSet[] {
  if (!isObject(body)) {
    throw new OpenCostDataError(
      '(body)',
      `expected an object, ${describe(body)}`,
    );
  }
  if (body.code !== undefined && body.code !== 200) {
    const code = Number(body.code);
    throw new OpenCostApiError(
      Number.isFinite(code) ? code : 0,
      typeof body.message === 'string' && body.message
        ? body.message
        : 'no message',
    );
  }
  if (!Array.isArray(body.data)) {
    throw new OpenCostDataError(
      'data',
      `expected an array of allocation sets, ${describe(body.data)}`,
    );
  }
  return body.data.map((set, i): ParsedAllocationSet => {
    if (set === null) return { allocations: [] };
    if (!isObject(set)) {
      throw new OpenCostDataError(
        `data[${i}]`,
        `expected a map of allocations, ${describe(set)}`,
      );
    }
    const allocations = Object.entries(set).map(([key, raw]) =>
      parseAllocation(raw, key, `data[${i}][${JSON.stringify(key)}]`),
    );
    if (allocations.length === 0) return { allocations };
    const start = allocations
      .map(a => a.window.start)
      .reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
    const end = allocations
      .map(a => a.window.end)
      .reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
    const dataStart = allocations
      .map(a => a.start)
      .reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
    return { start, end, dataStart, allocations };
  });
}

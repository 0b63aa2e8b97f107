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

/**
 * Instants already read in one answer. Every allocation of a step repeats
 * the same few window times; parsing each again was the largest single cost
 * of reading a 30-day answer.
 */
type TimeMemo = Map<string, number>;

function timeOf(raw: string, times?: TimeMemo): number {
  let t = times?.get(raw);
  if (t === undefined) {
    t = Date.parse(raw);
    times?.set(raw, t);
  }
  return t;
}

function readTime(raw: unknown, where: string, times?: TimeMemo): string {
  if (typeof raw !== 'string' || Number.isNaN(timeOf(raw, times))) {
    throw new OpenCostDataError(
      where,
      `expected an RFC 3339 time, ${describe(raw)}`,
    );
  }
  return raw;
}

const REQUIRED_FIELDS = [
  ...ALLOCATION_COST_FIELDS,
  ...ALLOCATION_USAGE_FIELDS,
] as const;

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
  times?: TimeMemo,
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
      start: readTime(window.start, `${where}.window.start`, times),
      end: readTime(window.end, `${where}.window.end`, times),
    },
    start: readTime(raw.start, `${where}.start`, times),
    end: readTime(raw.end, `${where}.end`, times),
  };
  for (const f of REQUIRED_FIELDS) {
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
  const times: TimeMemo = new Map();
  return body.data.map((set, i): ParsedAllocationSet => {
    if (set === null) return { allocations: [] };
    if (!isObject(set)) {
      throw new OpenCostDataError(
        `data[${i}]`,
        `expected a map of allocations, ${describe(set)}`,
      );
    }
    const allocations: OpenCostAllocation[] = [];
    for (const key of Object.keys(set)) {
      // The path is only spelled out when something is wrong.
      const raw = set[key];
      let where = '';
      try {
        allocations.push(parseAllocation(raw, key, where, times));
      } catch (e) {
        if (!(e instanceof OpenCostDataError)) throw e;
        where = `data[${i}][${JSON.stringify(key)}]`;
        allocations.push(parseAllocation(raw, key, where, times));
      }
    }
    if (allocations.length === 0) return { allocations };
    // Earliest start and latest end; on a tie the first one stays.
    let start = allocations[0].window.start;
    let end = allocations[0].window.end;
    let dataStart = allocations[0].start;
    for (const a of allocations) {
      if (timeOf(a.window.start, times) < timeOf(start, times)) {
        start = a.window.start;
      }
      if (timeOf(a.window.end, times) > timeOf(end, times)) end = a.window.end;
      if (timeOf(a.start, times) < timeOf(dataStart, times))
        dataStart = a.start;
    }
    return { start, end, dataStart, allocations };
  });
}

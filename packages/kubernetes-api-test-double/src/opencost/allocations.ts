import { unitHash } from './quantity';
import { CostSubject, sanitize } from './subjects';
import { OpenCostParamError, parseStep, parseWindow } from './window';

/** OpenCost's default on-demand prices (USD), as its custom pricing ships. */
export const PRICES = {
  cpuCoreHour: 0.031611,
  ramGiBHour: 0.004237,
  gpuHour: 0.95,
  pvGiBHour: 0.04 / 730,
  loadBalancerHour: 0.025,
  networkGiB: 0.01,
};

const GiB = 2 ** 30;

/** An allocation in OpenCost's JSON shape; null where OpenCost sends NaN/Inf. */
export type Allocation = Record<string, any>;

const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

function totalEfficiency(
  cpuEff: number | null,
  ramEff: number | null,
  cpuCost: number,
  ramCost: number,
) {
  if (cpuEff === null || ramEff === null || cpuCost + ramCost <= 0) return null;
  return (cpuEff * cpuCost + ramEff * ramCost) / (cpuCost + ramCost);
}

/** One container's allocation over [start, end), or undefined when it did not run then. */
function subjectAllocation(
  s: CostSubject,
  start: number,
  end: number,
): Allocation | undefined {
  const from = Math.max(start, s.activeFrom);
  const to = Math.min(end, s.activeTo);
  if (!(to > from)) return undefined;
  const hours = (to - from) / 3_600_000;
  // Use drifts from day to day (UTC days) so the trend is not flat; a window
  // is charged day slice by day slice, so splitting it never changes a sum.
  let cpuCoreHours = 0;
  let ramByteHours = 0;
  let cpuUseHours = 0;
  let ramUseHours = 0;
  let driftHours = 0;
  for (let t = from; t < to; ) {
    const next = Math.min(to, (Math.floor(t / 86_400_000) + 1) * 86_400_000);
    const h = (next - t) / 3_600_000;
    const drift =
      0.85 +
      0.3 *
        unitHash(
          `${s.namespace}/${s.pod}/${s.container}/${Math.floor(
            t / 86_400_000,
          )}`,
        );
    // OpenCost charges the larger of request and use.
    cpuCoreHours += Math.max(s.cpuRequest, s.cpuUsage * drift) * h;
    ramByteHours += Math.max(s.ramRequest, s.ramUsage * drift) * h;
    cpuUseHours += s.cpuUsage * drift * h;
    ramUseHours += s.ramUsage * drift * h;
    driftHours += drift * h;
    t = next;
  }
  const cpuUsage = cpuUseHours / hours;
  const ramUsage = ramUseHours / hours;
  const cpuCores = cpuCoreHours / hours;
  const ramBytes = ramByteHours / hours;
  const cpuCost = cpuCoreHours * PRICES.cpuCoreHour;
  const ramCost = (ramByteHours / GiB) * PRICES.ramGiBHour;
  const gpuCost = s.gpus * hours * PRICES.gpuHour;
  const pvCost = (s.pvBytes / GiB) * hours * PRICES.pvGiBHour;
  const lbCost = s.loadBalancers * hours * PRICES.loadBalancerHour;
  const networkBytes =
    (0.02 + 0.1 * unitHash(`${s.pod}/net`)) * GiB * (driftHours / 24);
  const networkCost = (networkBytes / GiB) * PRICES.networkGiB;
  const cpuEfficiency = ratio(cpuUsage, s.cpuRequest);
  const ramEfficiency = ratio(ramUsage, s.ramRequest);
  return {
    name: `${s.cluster}/${s.node}/${s.namespace}/${s.pod}/${s.container}`,
    properties: {
      cluster: s.cluster,
      node: s.node,
      container: s.container,
      ...(s.controller
        ? { controller: s.controller, controllerKind: s.controllerKind }
        : {}),
      namespace: s.namespace,
      pod: s.pod,
      labels: { ...s.namespaceLabels, ...s.labels },
      namespaceLabels: s.namespaceLabels,
    },
    window: { start: iso(start), end: iso(end) },
    start: iso(from),
    end: iso(to),
    minutes: (to - from) / 60_000,
    cpuCores,
    cpuCoreRequestAverage: s.cpuRequest,
    cpuCoreUsageAverage: cpuUsage,
    cpuCoreHours,
    cpuCost,
    cpuCostAdjustment: 0,
    cpuEfficiency,
    gpuCount: s.gpus,
    gpuHours: s.gpus * hours,
    gpuCost,
    gpuCostAdjustment: 0,
    networkTransferBytes: networkBytes / 2,
    networkReceiveBytes: networkBytes / 2,
    networkCost,
    networkCostAdjustment: 0,
    loadBalancerCost: lbCost,
    loadBalancerCostAdjustment: 0,
    pvBytes: s.pvBytes,
    pvByteHours: s.pvBytes * hours,
    pvCost,
    pvCostAdjustment: 0,
    ramBytes,
    ramByteRequestAverage: s.ramRequest,
    ramByteUsageAverage: ramUsage,
    ramByteHours,
    ramCost,
    ramCostAdjustment: 0,
    ramEfficiency,
    sharedCost: 0,
    externalCost: 0,
    totalCost: cpuCost + gpuCost + ramCost + pvCost + networkCost + lbCost,
    totalEfficiency: totalEfficiency(
      cpuEfficiency,
      ramEfficiency,
      cpuCost,
      ramCost,
    ),
    rawAllocationOnly: null,
  };
}

const SUMMED = [
  'cpuCoreHours',
  'cpuCost',
  'gpuHours',
  'gpuCost',
  'networkTransferBytes',
  'networkReceiveBytes',
  'networkCost',
  'loadBalancerCost',
  'pvByteHours',
  'pvCost',
  'ramByteHours',
  'ramCost',
  'sharedCost',
  'externalCost',
  'totalCost',
  'cpuCostAdjustment',
  'gpuCostAdjustment',
  'networkCostAdjustment',
  'loadBalancerCostAdjustment',
  'pvCostAdjustment',
  'ramCostAdjustment',
];
/** Averages of members running side by side add up. */
const CONCURRENT = [
  'cpuCores',
  'cpuCoreRequestAverage',
  'cpuCoreUsageAverage',
  'gpuCount',
  'pvBytes',
  'ramBytes',
  'ramByteRequestAverage',
  'ramByteUsageAverage',
];

function withEfficiency(a: Allocation): Allocation {
  a.cpuEfficiency = ratio(a.cpuCoreUsageAverage, a.cpuCoreRequestAverage);
  a.ramEfficiency = ratio(a.ramByteUsageAverage, a.ramByteRequestAverage);
  a.totalEfficiency = totalEfficiency(
    a.cpuEfficiency,
    a.ramEfficiency,
    a.cpuCost,
    a.ramCost,
  );
  return a;
}

/** Properties all members share, as OpenCost keeps after aggregating. */
function commonProperties(members: Allocation[]) {
  const [first, ...rest] = members.map(m => m.properties);
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(first)) {
    if (typeof v === 'string') {
      if (rest.every(p => p[k] === v)) out[k] = v;
    } else if (v && typeof v === 'object') {
      const common: Record<string, string> = {};
      for (const [lk, lv] of Object.entries(v as Record<string, string>)) {
        if (rest.every(p => p[k]?.[lk] === lv)) common[lk] = lv;
      }
      out[k] = common;
    }
  }
  return out;
}

function combine(
  name: string,
  members: Allocation[],
  sequential: boolean,
): Allocation {
  const out: Allocation = {
    ...members[0],
    name,
    properties: commonProperties(members),
  };
  for (const f of SUMMED) out[f] = members.reduce((s, m) => s + (m[f] ?? 0), 0);
  const minutes = members.reduce((s, m) => s + m.minutes, 0);
  for (const f of CONCURRENT) {
    if (!sequential) out[f] = members.reduce((s, m) => s + m[f], 0);
    else if (minutes > 0)
      out[f] = members.reduce((s, m) => s + m[f] * m.minutes, 0) / minutes;
    else out[f] = 0;
  }
  out.minutes = sequential ? minutes : Math.max(...members.map(m => m.minutes));
  out.start = members.map(m => m.start).sort()[0];
  out.end = members
    .map(m => m.end)
    .sort()
    .reverse()[0];
  if (sequential) {
    out.window = {
      start: members.map(m => m.window.start).sort()[0],
      end: members
        .map(m => m.window.end)
        .sort()
        .reverse()[0],
    };
  }
  return withEfficiency(out);
}

const AGGREGATES = new Set([
  'cluster',
  'node',
  'namespace',
  'controllerKind',
  'controller',
  'pod',
  'container',
]);

function keyPart(a: Allocation, by: string): string {
  const p = a.properties;
  if (by === 'controller') {
    return p.controller
      ? `${p.controllerKind}:${p.controller}`
      : '__unallocated__';
  }
  if (by.startsWith('label:')) {
    const k = sanitize(by.slice(6));
    return p.labels?.[k] ?? '__unallocated__';
  }
  return p[by] ?? '__unallocated__';
}

/** `namespace:"a","b"+label[team]:"x"`: the subset of OpenCost's filter language the double knows. */
export function parseFilter(raw: string | null): (a: Allocation) => boolean {
  if (!raw) return () => true;
  const clauses = raw.split('+').map(clause => {
    const m =
      /^(cluster|node|namespace|controllerKind|controllerName|pod|container|label\[([^\]]+)\])(!?:)(.+)$/.exec(
        clause.trim(),
      );
    if (!m) throw new OpenCostParamError(`Invalid filter parameter: ${clause}`);
    const values = m[4].split(',').map(v => v.trim().replace(/^"(.*)"$/, '$1'));
    const negate = m[3] === '!:';
    return (a: Allocation) => {
      const p = a.properties;
      let actual = m[1] === 'controllerName' ? p.controller : p[m[1]];
      if (m[2]) actual = p.labels?.[sanitize(m[2])];
      const hit = values.includes(actual);
      return negate ? !hit : hit;
    };
  });
  return a => clauses.every(c => c(a));
}

export interface AllocationQueryOptions {
  subjects: CostSubject[];
  capacity: { cpu: number; ram: number };
  cluster: string;
  dataStart: number;
  now: Date;
  /** `/allocation` understands `filter`; `/allocation/compute` does not. */
  filterSupported: boolean;
  /**
   * Steps already answered for these same subjects, by step and parameters:
   * a past day's set never changes while the store does not, so only the
   * step still running is computed again (see `costInputs`).
   */
  stepCache?: Map<string, AllocationStep>;
}

/** One step's set, and its JSON (UTF-8 bytes) once it was written. */
export interface AllocationStep {
  set: Allocation[];
  json?: Buffer;
}

/** Past steps a cache keeps at most; beyond it, it starts afresh. */
const STEP_CACHE_LIMIT = 1_000;

const setObject = (set: Allocation[]) =>
  Object.fromEntries(set.map(a => [a.name, a]));

const BODY_START = Buffer.from('{"code":200,"status":"success","data":[');
const COMMA = Buffer.from(',');
const BODY_END = Buffer.from(']}');

/**
 * The body OpenCost answers a query with, as JSON in pieces (UTF-8 bytes): a
 * past step's text is written once and reused (a 30-day answer is megabytes
 * of JSON, and writing it again on every ask was most of the double's time),
 * and kept as bytes, so sending it is a copy rather than another encoding.
 * Throws OpenCostParamError for bad parameters.
 */
export function queryAllocationsJson(
  query: URLSearchParams,
  o: AllocationQueryOptions,
): Buffer[] {
  const steps = allocationSteps(query, o);
  const pieces: Buffer[] = [BODY_START];
  steps.forEach((step, i) => {
    step.json ??= Buffer.from(JSON.stringify(setObject(step.set)));
    if (i > 0) pieces.push(COMMA);
    pieces.push(step.json);
  });
  pieces.push(BODY_END);
  return pieces;
}

function allocationSteps(
  query: URLSearchParams,
  o: AllocationQueryOptions,
): AllocationStep[] {
  const now = o.now.getTime();
  const window = parseWindow(query.get('window'), o.now);
  const end = Math.min(window.end, now);
  const step = parseStep(query.get('step'), window.end - window.start);
  const aggregate = (query.get('aggregate') ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  for (const a of aggregate) {
    if (!AGGREGATES.has(a) && !a.startsWith('label:')) {
      throw new OpenCostParamError(`Invalid aggregate parameter: ${a}`);
    }
  }
  const filter = o.filterSupported
    ? parseFilter(query.get('filter'))
    : () => true;
  const includeIdle = !['false', '0'].includes(query.get('includeIdle') ?? '');
  const accumulate = ['true', '1'].includes(query.get('accumulate') ?? '');

  const sets: AllocationStep[] = [];
  const cache = o.stepCache;
  if (cache && cache.size > STEP_CACHE_LIMIT) cache.clear();
  for (let s = window.start; s < window.end; s += step) {
    const e = Math.min(s + step, window.end);
    // Nothing before OpenCost started collecting, nothing in the future.
    const from = Math.max(s, o.dataStart);
    const to = Math.min(e, end);
    // Everything a step's set depends on besides the subjects.
    const key = JSON.stringify([
      s,
      e,
      from,
      to,
      aggregate,
      o.filterSupported ? query.get('filter') : null,
      includeIdle,
    ]);
    const hit = cache?.get(key);
    if (hit) {
      sets.push(hit);
      continue;
    }
    const allocs: Allocation[] = [];
    if (to > from) {
      for (const sub of o.subjects) {
        const a = subjectAllocation(sub, from, to);
        if (a) {
          a.window = { start: iso(s), end: iso(e) };
          allocs.push(a);
        }
      }
    }
    const idle =
      allocs.length && includeIdle
        ? idleAllocation(allocs, o, from, to, s, e)
        : undefined;
    const kept = allocs.filter(filter);
    const groups = new Map<string, Allocation[]>();
    for (const a of kept) {
      const name = aggregate.length
        ? aggregate.map(by => keyPart(a, by)).join('/')
        : a.name;
      const members = groups.get(name);
      if (members) members.push(a);
      else groups.set(name, [a]);
    }
    const set = [...groups.entries()].map(([k, members]) =>
      aggregate.length ? combine(k, members, false) : members[0],
    );
    if (idle) set.push(idle);
    const computed: AllocationStep = { set };
    // Only a whole step wholly in the past is final and asked again: a
    // window's last, cut-short step and a one-step window end at a new "now"
    // each time. Served sets are only read (serialised, or combined into new
    // objects), never changed.
    if (e <= now && e - s === step && window.end - window.start > step) {
      cache?.set(key, computed);
    }
    sets.push(computed);
  }
  return accumulate ? [{ set: accumulated(sets.map(x => x.set)) }] : sets;
}

function accumulated(sets: Allocation[][]): Allocation[] {
  const byKey = new Map<string, Allocation[]>();
  for (const set of sets) {
    for (const a of set) {
      const members = byKey.get(a.name);
      if (members) members.push(a);
      else byKey.set(a.name, [a]);
    }
  }
  return [...byKey.entries()].map(([k, members]) => combine(k, members, true));
}

/** Capacity nobody requested in the step: OpenCost's `__idle__`. */
function idleAllocation(
  allocs: Allocation[],
  o: AllocationQueryOptions,
  from: number,
  to: number,
  s: number,
  e: number,
): Allocation {
  const hours = (to - from) / 3_600_000;
  const cpuCost = Math.max(
    0,
    o.capacity.cpu * hours * PRICES.cpuCoreHour -
      allocs.reduce((x, a) => x + a.cpuCost, 0),
  );
  const ramCost = Math.max(
    0,
    (o.capacity.ram / GiB) * hours * PRICES.ramGiBHour -
      allocs.reduce((x, a) => x + a.ramCost, 0),
  );
  return {
    name: '__idle__',
    properties: { cluster: o.cluster },
    window: { start: iso(s), end: iso(e) },
    start: iso(from),
    end: iso(to),
    minutes: (to - from) / 60_000,
    cpuCores: 0,
    cpuCoreRequestAverage: 0,
    cpuCoreUsageAverage: 0,
    cpuCoreHours: 0,
    cpuCost,
    cpuCostAdjustment: 0,
    // Usage over zero requests: NaN on OpenCost's side, null on the wire.
    cpuEfficiency: null,
    gpuCount: 0,
    gpuHours: 0,
    gpuCost: 0,
    gpuCostAdjustment: 0,
    networkTransferBytes: 0,
    networkReceiveBytes: 0,
    networkCost: 0,
    networkCostAdjustment: 0,
    loadBalancerCost: 0,
    loadBalancerCostAdjustment: 0,
    pvBytes: 0,
    pvByteHours: 0,
    pvCost: 0,
    pvCostAdjustment: 0,
    ramBytes: 0,
    ramByteRequestAverage: 0,
    ramByteUsageAverage: 0,
    ramByteHours: 0,
    ramCost,
    ramCostAdjustment: 0,
    ramEfficiency: null,
    sharedCost: 0,
    externalCost: 0,
    totalCost: cpuCost + ramCost,
    totalEfficiency: null,
    rawAllocationOnly: null,
  };
}

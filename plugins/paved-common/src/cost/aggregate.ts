import {
  IDLE_KEY,
  MaybeNumber,
  OpenCostAllocation,
  UNALLOCATED_KEY,
} from './types';

/** Cost by kind of resource, in the configured currency. */
export interface CostBreakdown {
  cpu: MaybeNumber;
  ram: MaybeNumber;
  gpu: MaybeNumber;
  pv: MaybeNumber;
  network: MaybeNumber;
  loadBalancer: MaybeNumber;
  shared: MaybeNumber;
  external: MaybeNumber;
  total: MaybeNumber;
}

export const COST_PARTS = [
  'cpu',
  'ram',
  'gpu',
  'pv',
  'network',
  'loadBalancer',
  'shared',
  'external',
] as const;
export type CostPart = (typeof COST_PARTS)[number];

/** Requests and use, averaged over the time the figures cover. */
export interface ResourceFigures {
  cpuCoreRequestAverage: MaybeNumber;
  cpuCoreUsageAverage: MaybeNumber;
  ramByteRequestAverage: MaybeNumber;
  ramByteUsageAverage: MaybeNumber;
  /** Core-hours and byte-hours charged; give the unit prices. */
  cpuCoreHours: MaybeNumber;
  ramByteHours: MaybeNumber;
  minutes: MaybeNumber;
}

/** Usage over requests: 1 is a perfect fit; null when unknown or nothing is requested. */
export interface Efficiency {
  cpu: MaybeNumber;
  ram: MaybeNumber;
  total: MaybeNumber;
}

/** One workload (a controller in a namespace), or idle, with its figures. */
export interface WorkloadCost extends ResourceFigures {
  key: string;
  cluster?: string;
  namespace?: string;
  controllerKind?: string;
  controller?: string;
  costs: CostBreakdown;
  efficiency: Efficiency;
}

/** What part of OpenCost's allocations belong to an entity. */
export type CostSelector =
  | {
      type: 'workloads';
      workloads: {
        namespace: string;
        controllerKind: string;
        controller: string;
      }[];
    }
  | { type: 'namespaces'; namespaces: string[] }
  | { type: 'label'; label: string; value: string }
  | { type: 'cluster' };

/** Sum where any unknown part makes the sum unknown: never a wrong number. */
export function sumMaybe(values: readonly MaybeNumber[]): MaybeNumber {
  let sum = 0;
  for (const v of values) {
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

const ratio = (num: MaybeNumber, den: MaybeNumber): MaybeNumber =>
  num === null || den === null || den <= 0 ? null : num / den;

/** Efficiencies from the figures, weighted by cost for the total as OpenCost does. */
export function efficiencyOf(
  figures: ResourceFigures,
  costs: Pick<CostBreakdown, 'cpu' | 'ram'>,
): Efficiency {
  const cpu = ratio(figures.cpuCoreUsageAverage, figures.cpuCoreRequestAverage);
  const ram = ratio(figures.ramByteUsageAverage, figures.ramByteRequestAverage);
  let total: MaybeNumber = null;
  if (
    cpu !== null &&
    ram !== null &&
    costs.cpu !== null &&
    costs.ram !== null &&
    costs.cpu + costs.ram > 0
  ) {
    total = (cpu * costs.cpu + ram * costs.ram) / (costs.cpu + costs.ram);
  }
  return { cpu, ram, total };
}

/**
 * OpenCost keys a `namespace,controller` aggregate as
 * `<namespace>/<kind>:<name>`; properties normally say the same, the key is
 * the fallback when a server drops them.
 */
function identityOf(a: OpenCostAllocation) {
  const p = a.properties;
  let controllerKind = p.controllerKind;
  let controller = p.controller;
  let namespace = p.namespace;
  // The key is only read when properties miss something (most answers have them all).
  if (!controllerKind || !controller || namespace === undefined) {
    const [nsPart, ctrlPart] = a.name.includes('/')
      ? a.name.split('/', 2)
      : [undefined, a.name];
    if ((!controllerKind || !controller) && ctrlPart?.includes(':')) {
      const [kind, name] = ctrlPart.split(':', 2);
      controllerKind = controllerKind ?? kind;
      controller = controller ?? name;
    }
    namespace =
      namespace ?? (nsPart && !nsPart.startsWith('__') ? nsPart : undefined);
  }
  return {
    cluster: p.cluster,
    namespace,
    controllerKind: controllerKind?.toLowerCase(),
    controller,
  };
}

/** One allocation as Paved's workload figures. */
export function workloadCostOf(a: OpenCostAllocation): WorkloadCost {
  const costs: CostBreakdown = {
    cpu: a.cpuCost,
    ram: a.ramCost,
    gpu: a.gpuCost,
    pv: a.pvCost,
    network: a.networkCost,
    loadBalancer: a.loadBalancerCost,
    shared: a.sharedCost,
    external: a.externalCost,
    total: a.totalCost,
  };
  const figures: ResourceFigures = {
    cpuCoreRequestAverage: a.cpuCoreRequestAverage,
    cpuCoreUsageAverage: a.cpuCoreUsageAverage,
    ramByteRequestAverage: a.ramByteRequestAverage,
    ramByteUsageAverage: a.ramByteUsageAverage,
    cpuCoreHours: a.cpuCoreHours ?? null,
    ramByteHours: a.ramByteHours ?? null,
    minutes:
      a.minutes ??
      (Date.parse(a.window.end) - Date.parse(a.window.start)) / 60_000,
  };
  const id = identityOf(a);
  // Built field by field (same order as before): spreads of optional parts
  // cost more than the rest of this function on a 30,000-allocation answer.
  const out = { key: a.name } as WorkloadCost;
  if (id.cluster) out.cluster = id.cluster;
  if (id.namespace) out.namespace = id.namespace;
  if (id.controllerKind) out.controllerKind = id.controllerKind;
  if (id.controller) out.controller = id.controller;
  out.costs = costs;
  out.cpuCoreRequestAverage = figures.cpuCoreRequestAverage;
  out.cpuCoreUsageAverage = figures.cpuCoreUsageAverage;
  out.ramByteRequestAverage = figures.ramByteRequestAverage;
  out.ramByteUsageAverage = figures.ramByteUsageAverage;
  out.cpuCoreHours = figures.cpuCoreHours;
  out.ramByteHours = figures.ramByteHours;
  out.minutes = figures.minutes;
  out.efficiency = {
    cpu: a.cpuEfficiency,
    ram: a.ramEfficiency,
    total: a.totalEfficiency,
  };
  return out;
}

const isIdleKey = (key: string) =>
  key === IDLE_KEY || key.endsWith(`/${IDLE_KEY}`);

export const isIdle = (a: { key: string }) => isIdleKey(a.key);

/** OpenCost's label key for a Kubernetes label: `.`, `/` and `-` become `_`. */
export const sanitizeLabelName = (label: string) =>
  label.replace(/[^a-zA-Z0-9_]/g, '_');

/** Whether an allocation is the entity's, by the selector. Idle only counts for a cluster. */
export function selectAllocation(
  a: OpenCostAllocation,
  selector: CostSelector,
): boolean {
  return selectorTest(selector)(a);
}

/**
 * The selector as a test for many allocations: what can be worked out once
 * (the sanitised label key) is, instead of once per allocation.
 */
export function selectorTest(
  selector: CostSelector,
): (a: OpenCostAllocation) => boolean {
  if (selector.type === 'cluster') return () => true;
  if (selector.type === 'label') {
    const key = sanitizeLabelName(selector.label);
    return a => !isIdleKey(a.name) && labelMatches(a, selector, key);
  }
  return a => !isIdleKey(a.name) && identityMatches(a, selector);
}

function identityMatches(
  a: OpenCostAllocation,
  selector: CostSelector,
): boolean {
  const w = identityOf(a);
  switch (selector.type) {
    case 'namespaces':
      return !!w.namespace && selector.namespaces.includes(w.namespace);
    case 'workloads':
      return selector.workloads.some(
        s =>
          s.namespace === w.namespace &&
          s.controller === w.controller &&
          s.controllerKind.toLowerCase() === w.controllerKind,
      );
    default:
      return false;
  }
}

function labelMatches(
  a: OpenCostAllocation,
  selector: Extract<CostSelector, { type: 'label' }>,
  key: string,
): boolean {
  const p = a.properties;
  const value =
    p.labels?.[key] ??
    p.labels?.[selector.label] ??
    p.namespaceLabels?.[key] ??
    p.namespaceLabels?.[selector.label];
  return value === selector.value;
}

const SUMMED_PARTS = [...COST_PARTS, 'total'] as const;

/** Like sumMaybe over one field of each line, without the array in between. */
function sumField<L>(lines: readonly L[], value: (l: L) => MaybeNumber) {
  let sum = 0;
  for (const l of lines) {
    const v = value(l);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

function sumCosts(lines: readonly { costs: CostBreakdown }[]): CostBreakdown {
  const out = {} as CostBreakdown;
  for (const part of SUMMED_PARTS) {
    out[part] = sumField(lines, l => l.costs[part]);
  }
  return out;
}

/**
 * Workloads running side by side over the same window: costs and average
 * requests add up.
 */
export function sumConcurrent(
  lines: readonly WorkloadCost[],
  key = 'total',
): WorkloadCost {
  const costs = sumCosts(lines);
  const figures: ResourceFigures = {
    cpuCoreRequestAverage: sumMaybe(lines.map(l => l.cpuCoreRequestAverage)),
    cpuCoreUsageAverage: sumMaybe(lines.map(l => l.cpuCoreUsageAverage)),
    ramByteRequestAverage: sumMaybe(lines.map(l => l.ramByteRequestAverage)),
    ramByteUsageAverage: sumMaybe(lines.map(l => l.ramByteUsageAverage)),
    cpuCoreHours: sumMaybe(lines.map(l => l.cpuCoreHours)),
    ramByteHours: sumMaybe(lines.map(l => l.ramByteHours)),
    minutes: lines.length ? Math.max(0, ...lines.map(l => l.minutes ?? 0)) : 0,
  };
  return {
    key,
    costs,
    ...figures,
    efficiency: efficiencyOf(figures, costs),
  };
}

/**
 * One workload over consecutive windows: costs and hours add up, average
 * requests and use are weighted by the minutes each window covers.
 */
export function sumSequential(lines: readonly WorkloadCost[]): WorkloadCost {
  const first = lines[0];
  const costs = sumCosts(lines);
  const minutes = sumField(lines, l => l.minutes);
  const weighted = (field: keyof ResourceFigures): MaybeNumber => {
    if (minutes === null || minutes <= 0) return null;
    const s = sumField(lines, l =>
      l[field] === null || l.minutes === null ? null : l[field]! * l.minutes,
    );
    return s === null ? null : s / minutes;
  };
  const figures: ResourceFigures = {
    cpuCoreRequestAverage: weighted('cpuCoreRequestAverage'),
    cpuCoreUsageAverage: weighted('cpuCoreUsageAverage'),
    ramByteRequestAverage: weighted('ramByteRequestAverage'),
    ramByteUsageAverage: weighted('ramByteUsageAverage'),
    cpuCoreHours: sumField(lines, l => l.cpuCoreHours),
    ramByteHours: sumField(lines, l => l.ramByteHours),
    minutes,
  };
  return {
    ...(first ?? { key: 'total' }),
    costs,
    ...figures,
    efficiency: efficiencyOf(figures, costs),
  };
}

/** sumMaybe's step: unknown stays unknown. */
const plus = (sum: MaybeNumber, v: MaybeNumber): MaybeNumber =>
  sum === null || v === null ? null : sum + v;

const WEIGHTED = [
  'cpuCoreRequestAverage',
  'cpuCoreUsageAverage',
  'ramByteRequestAverage',
  'ramByteUsageAverage',
] as const;

/**
 * sumSequential over one workload's allocations, added as they come: the
 * same sums in the same order, without a line object per allocation (on a
 * 30-day answer those were most of the garbage collector's work).
 */
class SequentialSum {
  private readonly first: WorkloadCost;
  private readonly costs: CostBreakdown = {
    cpu: 0,
    ram: 0,
    gpu: 0,
    pv: 0,
    network: 0,
    loadBalancer: 0,
    shared: 0,
    external: 0,
    total: 0,
  };
  private minutes: MaybeNumber = 0;
  private readonly weighted: MaybeNumber[] = [0, 0, 0, 0];
  private cpuCoreHours: MaybeNumber = 0;
  private ramByteHours: MaybeNumber = 0;

  constructor(a: OpenCostAllocation) {
    this.first = workloadCostOf(a);
    this.add(a);
  }

  add(a: OpenCostAllocation) {
    const c = this.costs;
    c.cpu = plus(c.cpu, a.cpuCost);
    c.ram = plus(c.ram, a.ramCost);
    c.gpu = plus(c.gpu, a.gpuCost);
    c.pv = plus(c.pv, a.pvCost);
    c.network = plus(c.network, a.networkCost);
    c.loadBalancer = plus(c.loadBalancer, a.loadBalancerCost);
    c.shared = plus(c.shared, a.sharedCost);
    c.external = plus(c.external, a.externalCost);
    c.total = plus(c.total, a.totalCost);
    // As workloadCostOf reads them.
    const minutes =
      a.minutes ??
      (Date.parse(a.window.end) - Date.parse(a.window.start)) / 60_000;
    this.minutes = plus(this.minutes, minutes);
    WEIGHTED.forEach((field, i) => {
      const v = a[field];
      this.weighted[i] =
        v === null || minutes === null
          ? null
          : plus(this.weighted[i], v * minutes);
    });
    this.cpuCoreHours = plus(this.cpuCoreHours, a.cpuCoreHours ?? null);
    this.ramByteHours = plus(this.ramByteHours, a.ramByteHours ?? null);
  }

  result(): WorkloadCost {
    const { minutes } = this;
    const average = (i: number): MaybeNumber => {
      if (minutes === null || minutes <= 0) return null;
      const s = this.weighted[i];
      return s === null ? null : s / minutes;
    };
    const costs = { ...this.costs };
    const figures: ResourceFigures = {
      cpuCoreRequestAverage: average(0),
      cpuCoreUsageAverage: average(1),
      ramByteRequestAverage: average(2),
      ramByteUsageAverage: average(3),
      cpuCoreHours: this.cpuCoreHours,
      ramByteHours: this.ramByteHours,
      minutes,
    };
    return {
      ...this.first,
      costs,
      ...figures,
      efficiency: efficiencyOf(figures, costs),
    };
  }
}

/**
 * Every step's allocations for the selector, one line per workload across
 * all steps, largest total first (unknown totals last).
 */
export function aggregateWorkloads(
  sets: readonly { allocations: readonly OpenCostAllocation[] }[],
  selector: CostSelector,
): WorkloadCost[] {
  return aggregateSteps(sets, selector).workloads;
}

/**
 * aggregateWorkloads, and each step's selected allocations' total cost
 * (sumMaybe, in the answer's order), from one pass over the answer.
 */
export function aggregateSteps(
  sets: readonly { allocations: readonly OpenCostAllocation[] }[],
  selector: CostSelector,
): { workloads: WorkloadCost[]; stepTotals: MaybeNumber[] } {
  const selected = selectorTest(selector);
  const byKey = new Map<string, SequentialSum>();
  const stepTotals: MaybeNumber[] = [];
  for (const set of sets) {
    let stepTotal: MaybeNumber = 0;
    for (const a of set.allocations) {
      if (!selected(a)) continue;
      stepTotal = plus(stepTotal, a.totalCost);
      // workloadCostOf's `${cluster ?? ''}|${key}`, without building the line.
      const id = `${a.properties.cluster ?? ''}|${a.name}`;
      const sum = byKey.get(id);
      if (sum) sum.add(a);
      else byKey.set(id, new SequentialSum(a));
    }
    stepTotals.push(stepTotal);
  }
  const workloads = [...byKey.values()]
    .map(sum => sum.result())
    .sort((a, b) => (b.costs.total ?? -1) - (a.costs.total ?? -1));
  return { workloads, stepTotals };
}

/** Each value's fraction of their sum; all null when the sum is unknown or 0. */
export function shares(values: readonly MaybeNumber[]): MaybeNumber[] {
  const total = sumMaybe(values);
  if (total === null || total <= 0) return values.map(() => null);
  return values.map(v => (v === null ? null : v / total));
}

/**
 * What requested-but-unused CPU and memory cost: each part's cost times the
 * unused fraction of its request. Unknown when efficiency is unknown.
 */
export function slackCostOf(
  w: Pick<WorkloadCost, 'costs' | 'efficiency'>,
): MaybeNumber {
  const { cpu, ram } = w.efficiency;
  if (cpu === null || ram === null) return null;
  if (w.costs.cpu === null || w.costs.ram === null) return null;
  return (
    w.costs.cpu * Math.max(0, 1 - cpu) + w.costs.ram * Math.max(0, 1 - ram)
  );
}

export { IDLE_KEY, UNALLOCATED_KEY };

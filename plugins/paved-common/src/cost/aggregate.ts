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
  const byKey = new Map<string, WorkloadCost[]>();
  const stepTotals: MaybeNumber[] = [];
  for (const set of sets) {
    let stepTotal: MaybeNumber = 0;
    for (const a of set.allocations) {
      if (!selected(a)) continue;
      stepTotal =
        stepTotal === null || a.totalCost === null
          ? null
          : stepTotal + a.totalCost;
      const w = workloadCostOf(a);
      const id = `${w.cluster ?? ''}|${w.key}`;
      const lines = byKey.get(id);
      if (lines) lines.push(w);
      else byKey.set(id, [w]);
    }
    stepTotals.push(stepTotal);
  }
  const workloads = [...byKey.values()]
    .map(lines => sumSequential(lines))
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

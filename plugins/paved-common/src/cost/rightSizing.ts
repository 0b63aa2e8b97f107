import { WorkloadCost } from './aggregate';
import { MaybeNumber } from './types';

/** OpenCost's month: 730 hours (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;

export interface RightSizingOptions {
  /** Head room over average use in the recommendation; default 0.2 (20 %). */
  headroom?: number;
  /** Smallest recommendation, so idle workloads keep a sane request. */
  minCpuCores?: number;
  minRamBytes?: number;
}

export interface ResourceAdvice {
  requested: MaybeNumber;
  averageUsed: MaybeNumber;
  recommended: MaybeNumber;
  /** Price of one unit-hour (core-hour, byte-hour) the window charged. */
  unitHourPrice: MaybeNumber;
  monthlySaving: MaybeNumber;
}

export interface RightSizingAdvice {
  key: string;
  namespace?: string;
  controllerKind?: string;
  controller?: string;
  cpu: ResourceAdvice;
  ram: ResourceAdvice;
  /** CPU plus memory saving a month at the window's prices; null if either is unknown. */
  monthlySaving: MaybeNumber;
  /** What to do, in a sentence. */
  advice: 'right-size' | 'fits' | 'set-requests' | 'unknown';
}

function resource(
  requested: MaybeNumber,
  used: MaybeNumber,
  cost: MaybeNumber,
  unitHours: MaybeNumber,
  minutes: MaybeNumber,
  headroom: number,
  minimum: number,
): ResourceAdvice {
  let unitHourPrice: MaybeNumber = null;
  if (cost !== null && unitHours !== null && unitHours > 0) {
    unitHourPrice = cost / unitHours;
  } else if (
    // OpenCost charges the larger of request and use.
    cost !== null &&
    requested !== null &&
    used !== null &&
    minutes !== null &&
    minutes > 0 &&
    Math.max(requested, used) > 0
  ) {
    unitHourPrice = cost / (Math.max(requested, used) * (minutes / 60));
  }
  const recommended =
    used === null ? null : Math.max(minimum, used * (1 + headroom));
  let monthlySaving: MaybeNumber = null;
  if (requested !== null && recommended !== null && unitHourPrice !== null) {
    monthlySaving =
      Math.max(0, requested - recommended) * unitHourPrice * HOURS_PER_MONTH;
  }
  return {
    requested,
    averageUsed: used,
    recommended,
    unitHourPrice,
    monthlySaving,
  };
}

/**
 * Requested against average used CPU and memory of one workload, the
 * request that would fit its use with head room, and what a month would
 * save at the prices the window was charged.
 */
export function rightSizing(
  w: WorkloadCost,
  options: RightSizingOptions = {},
): RightSizingAdvice {
  const headroom = options.headroom ?? 0.2;
  const cpu = resource(
    w.cpuCoreRequestAverage,
    w.cpuCoreUsageAverage,
    w.costs.cpu,
    w.cpuCoreHours,
    w.minutes,
    headroom,
    options.minCpuCores ?? 0.01,
  );
  const ram = resource(
    w.ramByteRequestAverage,
    w.ramByteUsageAverage,
    w.costs.ram,
    w.ramByteHours,
    w.minutes,
    headroom,
    options.minRamBytes ?? 32 * 1024 * 1024,
  );
  const monthlySaving =
    cpu.monthlySaving === null || ram.monthlySaving === null
      ? null
      : cpu.monthlySaving + ram.monthlySaving;
  let advice: RightSizingAdvice['advice'] = 'unknown';
  if (cpu.requested === 0 || ram.requested === 0) advice = 'set-requests';
  else if (monthlySaving !== null)
    advice = monthlySaving > 0 ? 'right-size' : 'fits';
  return {
    key: w.key,
    ...(w.namespace ? { namespace: w.namespace } : {}),
    ...(w.controllerKind ? { controllerKind: w.controllerKind } : {}),
    ...(w.controller ? { controller: w.controller } : {}),
    cpu,
    ram,
    monthlySaving,
    advice,
  };
}

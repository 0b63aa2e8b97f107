/*
 * OpenCost's allocation API, as documented for `GET /allocation` and
 * `GET /allocation/compute`: `{ code, status?, message?, data }` where `data`
 * is one allocation set per step, each a map from the aggregate key to an
 * allocation. OpenCost writes NaN and ±Inf as JSON `null`; Paved keeps those
 * as `null` ("unknown") all the way to the screen and never turns them into 0.
 */

/** A figure that OpenCost may not know (sent as null for NaN/Inf). */
export type MaybeNumber = number | null;

/** The Kubernetes properties of an allocation that Paved reads. */
export interface OpenCostAllocationProperties {
  cluster?: string;
  node?: string;
  namespace?: string;
  controller?: string;
  controllerKind?: string;
  pod?: string;
  container?: string;
  /** Pod labels, keys sanitised by OpenCost (`.`, `/`, `-` become `_`). */
  labels?: Record<string, string>;
  namespaceLabels?: Record<string, string>;
}

/** The cost fields every allocation carries. */
export const ALLOCATION_COST_FIELDS = [
  'cpuCost',
  'gpuCost',
  'ramCost',
  'pvCost',
  'networkCost',
  'loadBalancerCost',
  'sharedCost',
  'externalCost',
  'totalCost',
] as const;

/** Resource and efficiency fields every allocation carries. */
export const ALLOCATION_USAGE_FIELDS = [
  'cpuCoreRequestAverage',
  'cpuCoreUsageAverage',
  'ramByteRequestAverage',
  'ramByteUsageAverage',
  'cpuEfficiency',
  'ramEfficiency',
  'totalEfficiency',
] as const;

/** Fields OpenCost sends that Paved uses when present (older servers omit some). */
export const ALLOCATION_OPTIONAL_FIELDS = [
  'minutes',
  'cpuCoreHours',
  'ramByteHours',
  'gpuHours',
] as const;

export type AllocationCostField = (typeof ALLOCATION_COST_FIELDS)[number];
export type AllocationUsageField = (typeof ALLOCATION_USAGE_FIELDS)[number];
export type AllocationOptionalField =
  (typeof ALLOCATION_OPTIONAL_FIELDS)[number];

/** One allocation: costs and resources of one aggregate key in one window. */
export type OpenCostAllocation = {
  name: string;
  properties: OpenCostAllocationProperties;
  window: { start: string; end: string };
  start: string;
  end: string;
} & Record<AllocationCostField | AllocationUsageField, MaybeNumber> &
  Partial<Record<AllocationOptionalField, MaybeNumber>>;

/** One step of the answer: the allocations of one window, by aggregate key. */
export type OpenCostAllocationSet = Record<string, OpenCostAllocation>;

/** The body of `/allocation` and `/allocation/compute`. */
export interface OpenCostAllocationResponse {
  code: number;
  status?: string;
  message?: string;
  /** A `null` set is a step OpenCost has nothing for. */
  data: Array<OpenCostAllocationSet | null>;
}

/** OpenCost's names for the idle and unallocated pseudo-allocations. */
export const IDLE_KEY = '__idle__';
export const UNALLOCATED_KEY = '__unallocated__';

import { OpenCostAllocation } from './types';

/** An allocation in OpenCost's documented shape; override any field. */
export function allocation(
  name: string,
  overrides: Partial<OpenCostAllocation> = {},
): OpenCostAllocation {
  const start = overrides.window?.start ?? '2026-11-20T00:00:00Z';
  const end = overrides.window?.end ?? '2026-11-21T00:00:00Z';
  const [ns, ctrl] = name.includes('/') ? name.split('/') : [undefined, name];
  const [kind, controller] = ctrl?.includes(':') ? ctrl.split(':') : [];
  return {
    name,
    properties: {
      cluster: 'paved-local',
      ...(ns ? { namespace: ns } : {}),
      ...(kind ? { controllerKind: kind, controller } : {}),
    },
    window: { start, end },
    start,
    end,
    minutes: (Date.parse(end) - Date.parse(start)) / 60_000,
    cpuCoreHours: 12,
    ramByteHours: 12 * 2 ** 30,
    cpuCost: 0.4,
    gpuCost: 0,
    ramCost: 0.1,
    pvCost: 0.05,
    networkCost: 0.01,
    loadBalancerCost: 0.02,
    sharedCost: 0,
    externalCost: 0,
    totalCost: 0.58,
    cpuCoreRequestAverage: 0.5,
    cpuCoreUsageAverage: 0.1,
    ramByteRequestAverage: 2 ** 30,
    ramByteUsageAverage: 2 ** 29,
    cpuEfficiency: 0.2,
    ramEfficiency: 0.5,
    totalEfficiency: 0.26,
    ...overrides,
  };
}

/** A response body as OpenCost sends it. */
export const responseOf = (...sets: Array<Record<string, unknown> | null>) => ({
  code: 200,
  status: 'success',
  data: sets,
});

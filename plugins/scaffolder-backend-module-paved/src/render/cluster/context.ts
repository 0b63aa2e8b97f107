import { getTier } from '@paved/plugin-paved-common';
import { NamespaceSpec } from '../namespaceBaseline';
import { addonsFor } from '../platform/addons';
import { Addon, AddonContext } from '../platform/addonTypes';
import { addonContext, ClusterInput } from './input';
import { clusterNamespaces } from './namespaces';

/**
 * What every concern of the baseline reads: the validated input and what
 * follows from it once (the tier's definition, the add-ons, the workload
 * namespaces). Each concern is a pure function of this context.
 */
export type BaselineContext = {
  input: ClusterInput;
  tier: ReturnType<typeof getTier>;
  ctx: AddonContext;
  addons: Addon[];
  workloadNs: NamespaceSpec[];
  /** Where the sample app runs: the prod namespace, else the last one. */
  prodNs: NamespaceSpec;
};

export function baselineContext(c: ClusterInput): BaselineContext {
  const ctx = addonContext(c);
  const workloadNs = clusterNamespaces(c);
  return {
    input: c,
    tier: getTier(c.tier),
    ctx,
    addons: addonsFor(ctx),
    workloadNs,
    prodNs:
      workloadNs.find(n => n.cost.environment === 'prod') ??
      workloadNs[workloadNs.length - 1],
  };
}

/** Whether the baseline installs the add-on. */
export const installs = (b: BaselineContext, id: string) =>
  b.addons.some(a => a.id === id);

import { parseQuantity } from '@paved/plugin-paved-common';
import { KubeObject } from '../render/types';
import { QuotaShortfall } from './errors';

/** What a ResourceQuota's status says is in use, keyed like `spec.hard`. */
export type QuotaUse = {
  namespace: string;
  name: string;
  used: Record<string, string>;
};

/**
 * Every quota key that the new quota objects would set below what is
 * already used in that namespace (the quota controller's `status.used`).
 * An API server refuses nothing here: it would accept the lower quota and
 * then refuse every new Pod, so Paved refuses the change instead.
 */
export function quotaShortfalls(
  newQuotas: KubeObject[],
  use: QuotaUse[],
): QuotaShortfall[] {
  const out: QuotaShortfall[] = [];
  for (const q of newQuotas.filter(o => o.kind === 'ResourceQuota')) {
    const current = use.find(
      u => u.namespace === q.metadata.namespace && u.name === q.metadata.name,
    );
    const hard = ((q as any).spec?.hard ?? {}) as Record<string, string>;
    for (const [resource, limit] of Object.entries(hard)) {
      const used = current?.used[resource];
      if (used === undefined) continue;
      if (parseQuantity(String(used)) > parseQuantity(String(limit))) {
        out.push({
          namespace: q.metadata.namespace!,
          resource,
          used: String(used),
          hard: String(limit),
        });
      }
    }
  }
  return out;
}

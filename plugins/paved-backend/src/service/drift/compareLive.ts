import {
  DesiredObject,
  DriftObjectResult,
  hpaTargetsOf,
  notCompared,
  objectDrift,
} from '@paved/plugin-paved-common';
import { LiveReader, UnreadableError } from './liveReader';

/** Objects compared at once on one cluster. */
const CONCURRENCY = 8;

export const objectKey = (o: {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string };
}) =>
  `${o.apiVersion} ${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/**
 * Compares each desired object with its live copy (taken from `already`
 * when an earlier list read it, else one GET). Secrets are never read:
 * they are listed as not compared. One object's unreadable answer is that
 * object's; any other failure fails the cluster.
 */
export async function compareLive(
  desired: DesiredObject[],
  reader: LiveReader,
  already: Map<string, unknown> = new Map(),
): Promise<DriftObjectResult[]> {
  const ctx = { hpaTargets: hpaTargetsOf(desired) };
  const results: DriftObjectResult[] = new Array(desired.length);
  let next = 0;
  const worker = async () => {
    while (next < desired.length) {
      const i = next++;
      const o = desired[i];
      if (o.apiVersion === 'v1' && o.kind === 'Secret') {
        results[i] = notCompared(o, 'Paved never reads Secrets');
        continue;
      }
      const key = objectKey(o);
      try {
        const live = already.has(key) ? already.get(key) : await reader.get(o);
        results[i] = objectDrift(o, live, ctx);
      } catch (error) {
        if (!(error instanceof UnreadableError)) throw error;
        results[i] = notCompared(o, error.message);
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, desired.length) }, worker),
  );
  return results;
}

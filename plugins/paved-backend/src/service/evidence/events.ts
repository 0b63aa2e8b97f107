import { EvidenceEvent } from '@paved/plugin-paved-common';

const lastSeenOf = (e: any): string | undefined =>
  e.series?.lastObservedTime ??
  e.lastTimestamp ??
  e.eventTime ??
  e.firstTimestamp ??
  e.metadata?.creationTimestamp ??
  undefined;

/** Events as the drawer shows them: newest first, at most `max`. */
export function eventsOf(items: any[], max: number): EvidenceEvent[] {
  return items
    .map((e): EvidenceEvent => {
      const count = Number(e.series?.count ?? e.count ?? 1);
      const lastSeen = lastSeenOf(e);
      const source = e.source?.component ?? e.reportingComponent;
      const fieldPath = e.involvedObject?.fieldPath;
      return {
        type: String(e.type ?? 'Normal'),
        reason: String(e.reason ?? ''),
        message: String(e.message ?? ''),
        count: Number.isFinite(count) && count > 0 ? count : 1,
        ...(lastSeen ? { lastSeen } : {}),
        ...(fieldPath ? { fieldPath } : {}),
        ...(source ? { source } : {}),
      };
    })
    .sort(
      (a, b) =>
        (Date.parse(b.lastSeen ?? '') || 0) -
        (Date.parse(a.lastSeen ?? '') || 0),
    )
    .slice(0, max);
}

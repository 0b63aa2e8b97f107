import { runbookLink } from './problems';
import { HealthRunbookLink, KubeObject } from './types';

/** Warning events of one reason within the window. @public */
export interface WarningEventGroup {
  reason: string;
  /** Occurrences, counting each event's `count` / `series.count`. */
  count: number;
  /** Distinct objects the events were about. */
  objects: number;
  lastSeen?: string;
  /** The latest event's message, as an example. */
  message?: string;
  runbook?: HealthRunbookLink;
}

/** The last time an event was seen, across core/v1 and events.k8s.io shapes. */
export function eventLastSeen(event: KubeObject): string | undefined {
  const e = event as any;
  return (
    e.series?.lastObservedTime ??
    e.lastTimestamp ??
    e.eventTime ??
    e.deprecatedLastTimestamp ??
    e.firstTimestamp ??
    e.metadata?.creationTimestamp
  );
}

function occurrences(event: KubeObject): number {
  const e = event as any;
  const n = Number(e.series?.count ?? e.count ?? e.deprecatedCount ?? 1);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** Groups Warning events by reason, one event at a time. */
export class WarningEventGrouper {
  private readonly groups = new Map<
    string,
    { count: number; objects: Set<string>; lastSeen?: string; message?: string }
  >();

  constructor(
    private readonly since: number,
    private readonly runbookEntityRef?: string,
  ) {}

  add(event: KubeObject): void {
    const e = event as any;
    if (e.type !== 'Warning') return;
    const lastSeen = eventLastSeen(event);
    const at = Date.parse(lastSeen ?? '');
    if (!Number.isFinite(at) || at < this.since) return;
    const reason: string = e.reason ?? 'Unknown';
    const group = this.groups.get(reason) ?? { count: 0, objects: new Set() };
    group.count += occurrences(event);
    const about = e.involvedObject ?? e.regarding ?? {};
    group.objects.add(`${about.kind}/${about.namespace ?? ''}/${about.name}`);
    if (!group.lastSeen || Date.parse(group.lastSeen) <= at) {
      group.lastSeen = lastSeen;
      group.message = e.message ?? e.note;
    }
    this.groups.set(reason, group);
  }

  result(): WarningEventGroup[] {
    return [...this.groups.entries()]
      .map(([reason, g]) => {
        const runbook = runbookLink([reason], undefined, this.runbookEntityRef);
        return {
          reason,
          count: g.count,
          objects: g.objects.size,
          ...(g.lastSeen ? { lastSeen: g.lastSeen } : {}),
          ...(g.message ? { message: g.message } : {}),
          ...(runbook ? { runbook } : {}),
        };
      })
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  }
}

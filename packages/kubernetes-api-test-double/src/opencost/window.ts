/** OpenCost's `window` and `step` parameters, as its docs describe them. */

const UNIT_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

export class OpenCostParamError extends Error {}

/** `30m`, `12h`, `7d`, `1w` in milliseconds; undefined when not a duration. */
export function durationMs(raw: string): number | undefined {
  const m = /^(\d+)([mhdw])$/.exec(raw);
  return m ? Number(m[1]) * UNIT_MS[m[2]] : undefined;
}

const utcDay = (t: number) => t - (t % 86_400_000);

/** Resolves a window against `now`, in UTC like OpenCost's defaults. */
export function parseWindow(
  raw: string | null,
  now: Date,
): { start: number; end: number } {
  if (!raw) throw new OpenCostParamError('Missing window parameter');
  const t = now.getTime();
  const d = durationMs(raw);
  if (d !== undefined) return { start: t - d, end: t };
  const today = utcDay(t);
  const nowDate = new Date(today);
  const monthStart = Date.UTC(
    nowDate.getUTCFullYear(),
    nowDate.getUTCMonth(),
    1,
  );
  const weekStart = today - ((nowDate.getUTCDay() + 6) % 7) * 86_400_000;
  switch (raw) {
    case 'today':
      return { start: today, end: t };
    case 'yesterday':
      return { start: today - 86_400_000, end: today };
    case 'week':
      return { start: weekStart, end: t };
    case 'lastweek':
      return { start: weekStart - 7 * 86_400_000, end: weekStart };
    case 'month':
      return { start: monthStart, end: t };
    case 'lastmonth':
      return {
        start: Date.UTC(nowDate.getUTCFullYear(), nowDate.getUTCMonth() - 1, 1),
        end: monthStart,
      };
    default:
      break;
  }
  const pair = raw.split(',');
  if (pair.length === 2) {
    const parse = (s: string) =>
      /^\d+$/.test(s) ? Number(s) * 1000 : Date.parse(s);
    const [start, end] = pair.map(parse);
    if (Number.isFinite(start) && Number.isFinite(end) && start < end) {
      return { start, end };
    }
  }
  throw new OpenCostParamError(`Invalid window parameter: ${raw}`);
}

export function parseStep(raw: string | null, windowMs: number): number {
  if (!raw) return windowMs;
  const d = durationMs(raw);
  if (d === undefined || d <= 0) {
    throw new OpenCostParamError(`Invalid step parameter: ${raw}`);
  }
  return d;
}

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** A Kubernetes quantity (`250m`, `512Mi`, `3212877n`) as a number; 0 if absent or odd. */
export function quantity(raw: unknown): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') return 0;
  const m = /^([0-9.]+)(n|u|m|k|K|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(raw.trim());
  if (!m) return 0;
  return Number(m[1]) * (SUFFIX[m[2] ?? ''] ?? 1);
}

/** A stable number in [0, 1) from a string, so the double's data is deterministic. */
export function unitHash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) % 1_000_000) / 1_000_000;
}

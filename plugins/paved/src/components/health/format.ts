/** `{ Running: 2, Pending: 1 }` → "Running 2 · Pending 1", busiest first. */
export function byPhase(phases: Record<string, number>): string {
  const entries = Object.entries(phases)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length
    ? entries.map(([phase, n]) => `${phase} ${n}`).join(' · ')
    : 'none';
}

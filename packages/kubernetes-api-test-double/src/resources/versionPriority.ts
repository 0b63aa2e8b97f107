const VERSION_RE = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

/**
 * Kubernetes version priority (GA > beta > alpha, higher numbers first, then
 * non-conforming names alphabetically): the order discovery lists versions in
 * and how the preferred version is chosen.
 */
export function compareKubeVersions(a: string, b: string): number {
  const ma = VERSION_RE.exec(a);
  const mb = VERSION_RE.exec(b);
  if (!ma || !mb) {
    if (ma) return -1;
    if (mb) return 1;
    return a.localeCompare(b);
  }
  const stage = (m: RegExpExecArray) =>
    ({ alpha: 0, beta: 1 }[m[2] as 'alpha' | 'beta'] ?? 2);
  if (stage(ma) !== stage(mb)) return stage(mb) - stage(ma);
  if (ma[1] !== mb[1]) return Number(mb[1]) - Number(ma[1]);
  return Number(mb[3] ?? 0) - Number(ma[3] ?? 0);
}

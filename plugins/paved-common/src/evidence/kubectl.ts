import type { EvidenceCommands, EvidenceKind } from './types';

/** A word as a POSIX shell reads it: quoted only when it must be. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(word)
    ? word
    : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The kubectl commands that make the evidence route's reads, to copy: the
 * cluster's name in the Kubernetes backend is taken as the kubeconfig
 * context, which is how most teams name them.
 *
 * @public
 */
export function evidenceCommands(input: {
  cluster: string;
  namespace: string;
  kind: EvidenceKind;
  name: string;
  /** With a container, the previous-log command too (Pods only). */
  container?: string;
  tailLines: number;
  limitBytes: number;
}): EvidenceCommands {
  const base = `kubectl --context ${shellWord(input.cluster)} -n ${shellWord(
    input.namespace,
  )}`;
  const events = `${base} get events --field-selector ${shellWord(
    `involvedObject.kind=${input.kind},involvedObject.name=${input.name}`,
  )} --sort-by=.lastTimestamp`;
  if (input.kind !== 'Pod' || !input.container) return { events };
  return {
    events,
    previousLog: `${base} logs ${shellWord(input.name)} -c ${shellWord(
      input.container,
    )} --previous --tail=${input.tailLines} --limit-bytes=${input.limitBytes}`,
  };
}

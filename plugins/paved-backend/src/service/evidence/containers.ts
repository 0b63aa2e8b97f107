import { InputError } from '@backstage/errors';

export interface PickedContainer {
  container: string;
  containers: string[];
  /** The container has a previous instance (status.lastState.terminated). */
  terminatedBefore: boolean;
}

/**
 * The container whose previous log tells why a Pod fails: the one asked
 * for, else the one that restarted most, else the only or first one. A
 * container the Pod does not have is a 400 listing those it has.
 */
export function pickContainer(pod: any, asked?: string): PickedContainer {
  const names = (list: unknown): string[] =>
    Array.isArray(list) ? list.map(c => String(c?.name)).filter(Boolean) : [];
  const containers = [
    ...names(pod?.spec?.initContainers),
    ...names(pod?.spec?.containers),
  ];
  const statuses: any[] = [
    ...(pod?.status?.initContainerStatuses ?? []),
    ...(pod?.status?.containerStatuses ?? []),
  ];
  const terminated = (name: string) =>
    Boolean(statuses.find(s => s?.name === name)?.lastState?.terminated);
  if (asked) {
    if (!containers.includes(asked)) {
      throw new InputError(
        `container: Pod ${
          pod?.metadata?.name
        } has no container '${asked}'; it has ${containers.join(', ')}`,
      );
    }
    return {
      container: asked,
      containers,
      terminatedBefore: terminated(asked),
    };
  }
  const restarted = statuses
    .filter(s => s?.lastState?.terminated && containers.includes(s.name))
    .sort((a, b) => Number(b.restartCount ?? 0) - Number(a.restartCount ?? 0));
  const container =
    restarted[0]?.name ?? names(pod?.spec?.containers)[0] ?? containers[0];
  return { container, containers, terminatedBefore: terminated(container) };
}

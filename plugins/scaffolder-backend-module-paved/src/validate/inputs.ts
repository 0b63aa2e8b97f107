import { InputError } from '@backstage/errors';
import {
  isDns1123Label,
  isLabelValue,
  isQuantity,
  isTierNumber,
  parseQuantity,
  TierNumber,
} from '@paved/plugin-paved-common';
import {
  ContainerDefaults,
  COUNTED_OBJECTS,
  QuotaInput,
} from '../render/types';

/** Collects every bad field, then throws once with all of them. */
export class InputProblems {
  private readonly problems: string[] = [];

  add(field: string, rule: string) {
    this.problems.push(`${field}: ${rule}`);
  }

  dns1123(field: string, value: unknown) {
    if (!isDns1123Label(value)) {
      this.add(
        field,
        `${JSON.stringify(
          value,
        )} is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending alphanumeric, at most 63 characters)`,
      );
      return false;
    }
    return true;
  }

  labelValue(field: string, value: unknown) {
    if (!isLabelValue(value) || value === '') {
      this.add(
        field,
        `${JSON.stringify(
          value,
        )} is not a valid label value (1-63 of A-Z a-z 0-9 - _ ., starting and ending alphanumeric)`,
      );
    }
  }

  quantity(field: string, value: unknown): number | undefined {
    if (!isQuantity(value)) {
      this.add(
        field,
        `${JSON.stringify(
          value,
        )} is not a Kubernetes quantity (such as 500m, 2, 512Mi, 1Gi)`,
      );
      return undefined;
    }
    const n = parseQuantity(value);
    if (n <= 0) {
      this.add(field, `${value} must be greater than zero`);
      return undefined;
    }
    return n;
  }

  tier(field: string, value: unknown): value is TierNumber {
    if (!isTierNumber(value)) {
      this.add(
        field,
        `${JSON.stringify(value)} is not a tier; tiers are 1, 2, 3, 4, 5`,
      );
      return false;
    }
    return true;
  }

  throwIfAny() {
    if (this.problems.length > 0) {
      throw new InputError(`Invalid input: ${this.problems.join('; ')}`);
    }
  }
}

/**
 * Defaults must not exceed their limits, and the quota must admit at least
 * one pod at the default limits, or every pod in the namespace is refused.
 */
export function checkResources(
  p: InputProblems,
  quota: QuotaInput,
  defaults: ContainerDefaults,
) {
  const qCpu = p.quantity('quota.cpu', quota.cpu);
  const qMem = p.quantity('quota.memory', quota.memory);
  if (!Number.isInteger(quota.pods) || quota.pods < 1) {
    p.add(
      'quota.pods',
      `${JSON.stringify(quota.pods)} must be a whole number of at least 1`,
    );
  }
  if (quota.storage !== undefined) p.quantity('quota.storage', quota.storage);
  for (const [resource, count] of Object.entries(quota.objects ?? {})) {
    if (!(COUNTED_OBJECTS as readonly string[]).includes(resource)) {
      p.add(
        `quota.objects.${resource}`,
        `is not a countable object; use one of ${COUNTED_OBJECTS.join(', ')}`,
      );
    } else if (!Number.isInteger(count) || (count as number) < 0) {
      p.add(
        `quota.objects.${resource}`,
        `${JSON.stringify(count)} must be a whole number of at least 0`,
      );
    }
  }
  const rCpu = p.quantity('defaults.cpuRequest', defaults.cpuRequest);
  const lCpu = p.quantity('defaults.cpuLimit', defaults.cpuLimit);
  const rMem = p.quantity('defaults.memoryRequest', defaults.memoryRequest);
  const lMem = p.quantity('defaults.memoryLimit', defaults.memoryLimit);
  if (rCpu !== undefined && lCpu !== undefined && lCpu < rCpu) {
    p.add(
      'defaults.cpuLimit',
      `${defaults.cpuLimit} is below defaults.cpuRequest ${defaults.cpuRequest}; a limit must be at least the request`,
    );
  }
  if (rMem !== undefined && lMem !== undefined && lMem < rMem) {
    p.add(
      'defaults.memoryLimit',
      `${defaults.memoryLimit} is below defaults.memoryRequest ${defaults.memoryRequest}; a limit must be at least the request`,
    );
  }
  if (qCpu !== undefined && lCpu !== undefined && qCpu < lCpu) {
    p.add(
      'quota.cpu',
      `${quota.cpu} cannot admit one pod at the default CPU limit ${defaults.cpuLimit}`,
    );
  }
  if (qMem !== undefined && lMem !== undefined && qMem < lMem) {
    p.add(
      'quota.memory',
      `${quota.memory} cannot admit one pod at the default memory limit ${defaults.memoryLimit}`,
    );
  }
}

/** Environments must be distinct labels, and tenant-env must still be a label. */
export function checkEnvironments(
  p: InputProblems,
  prefix: string,
  environments: unknown,
) {
  if (!Array.isArray(environments) || environments.length === 0) {
    p.add('environments', 'at least one environment is required');
    return;
  }
  if (new Set(environments).size !== environments.length) {
    p.add('environments', 'environments must be distinct');
  }
  environments.forEach((env, i) => {
    if (
      p.dns1123(`environments[${i}]`, env) &&
      !isDns1123Label(`${prefix}-${env}`)
    ) {
      p.add(
        `environments[${i}]`,
        `namespace name "${prefix}-${env}" is longer than 63 characters`,
      );
    }
  });
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const IPV6_CIDR = /^[0-9a-f:]+\/(\d{1,3})$/i;

/** A CIDR as NetworkPolicy ipBlock takes it: IPv4 or IPv6 with a prefix length. */
export function isCidr(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const v4 = IPV4_CIDR.exec(value);
  if (v4) {
    return v4.slice(1, 5).every(o => Number(o) <= 255) && Number(v4[5]) <= 32;
  }
  const v6 = IPV6_CIDR.exec(value);
  return Boolean(v6) && Number(v6![1]) <= 128;
}

/** Egress rules: a CIDR each, optional TCP ports 1-65535. */
export function checkEgress(p: InputProblems, rules: unknown) {
  if (rules === undefined) return;
  if (!Array.isArray(rules)) {
    p.add('allowedEgress', 'must be a list of { cidr, ports }');
    return;
  }
  rules.forEach((rule, i) => {
    if (!isCidr(rule?.cidr)) {
      p.add(
        `allowedEgress[${i}].cidr`,
        `${JSON.stringify(rule?.cidr)} is not a CIDR such as 10.20.0.0/16`,
      );
    }
    for (const port of rule?.ports ?? []) {
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        p.add(
          `allowedEgress[${i}].ports`,
          `${JSON.stringify(port)} is not a port between 1 and 65535`,
        );
      }
    }
  });
}

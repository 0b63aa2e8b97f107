import { JsonObject } from '../../types';
import * as baseline from './baselineChecks';
import { LevelVersion } from './policy';
import { CheckFn, CheckResult } from './podSpec';
import * as restricted from './restrictedChecks';

/**
 * The minor version of the Pod Security Standards this double implements:
 * the API server is v1.30, so `latest` and anything newer mean v1.30.
 */
export const MAX_POD_SECURITY_MINOR = 30;

interface VersionedCheck {
  /** v1.<min> and later use this function. */
  min: number;
  check: CheckFn;
  /** Baseline checks this restricted check replaces. */
  overrides?: string[];
}

interface Check {
  id: string;
  level: 'baseline' | 'restricted';
  versions: VersionedCheck[];
}

const { exceptWindows } = restricted;

/** The checks of a v1.30 kube-apiserver (newer checks, e.g. probe hosts, are not in it). */
const CHECKS: Check[] = [
  {
    id: 'appArmorProfile',
    level: 'baseline',
    versions: [{ min: 0, check: baseline.appArmorProfile }],
  },
  {
    id: 'capabilities_baseline',
    level: 'baseline',
    versions: [{ min: 0, check: baseline.capabilitiesBaseline }],
  },
  {
    id: 'hostNamespaces',
    level: 'baseline',
    versions: [{ min: 0, check: baseline.hostNamespaces }],
  },
  {
    id: 'hostPathVolumes',
    level: 'baseline',
    versions: [{ min: 0, check: baseline.hostPathVolumes }],
  },
  {
    id: 'hostPorts',
    level: 'baseline',
    versions: [{ min: 0, check: baseline.hostPorts }],
  },
  {
    id: 'privileged',
    level: 'baseline',
    versions: [{ min: 0, check: baseline.privileged }],
  },
  {
    id: 'procMount',
    level: 'baseline',
    versions: [{ min: 0, check: baseline.procMount }],
  },
  {
    id: 'seLinuxOptions',
    level: 'baseline',
    versions: [{ min: 0, check: baseline.seLinuxOptions }],
  },
  {
    id: 'seccompProfile_baseline',
    level: 'baseline',
    versions: [
      { min: 0, check: baseline.seccompProfileBaselineAnnotations },
      { min: 19, check: baseline.seccompProfileBaseline },
    ],
  },
  {
    id: 'sysctls',
    level: 'baseline',
    versions: [
      { min: 0, check: baseline.sysctls1_0 },
      { min: 27, check: baseline.sysctls1_27 },
      { min: 29, check: baseline.sysctls1_29 },
    ],
  },
  {
    id: 'windowsHostProcess',
    level: 'baseline',
    versions: [{ min: 0, check: baseline.windowsHostProcess }],
  },
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    versions: [
      { min: 8, check: restricted.allowPrivilegeEscalation },
      { min: 25, check: exceptWindows(restricted.allowPrivilegeEscalation) },
    ],
  },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    versions: [
      {
        min: 22,
        check: restricted.capabilitiesRestricted,
        overrides: ['capabilities_baseline'],
      },
      {
        min: 25,
        check: exceptWindows(restricted.capabilitiesRestricted),
        overrides: ['capabilities_baseline'],
      },
    ],
  },
  {
    id: 'restrictedVolumes',
    level: 'restricted',
    versions: [
      {
        min: 0,
        check: restricted.restrictedVolumes,
        overrides: ['hostPathVolumes'],
      },
    ],
  },
  {
    id: 'runAsNonRoot',
    level: 'restricted',
    versions: [{ min: 0, check: restricted.runAsNonRoot }],
  },
  {
    id: 'runAsUser',
    level: 'restricted',
    versions: [{ min: 23, check: restricted.runAsUser }],
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    versions: [
      {
        min: 19,
        check: restricted.seccompProfileRestricted,
        overrides: ['seccompProfile_baseline'],
      },
      {
        min: 25,
        check: exceptWindows(restricted.seccompProfileRestricted),
        overrides: ['seccompProfile_baseline'],
      },
    ],
  },
];

// Baseline checks first, then restricted ones, each sorted by id (Go string order).
const levelRank = (c: Check) => (c.level === 'baseline' ? 0 : 1);
const ORDERED = [...CHECKS].sort((a, b) => {
  if (levelRank(a) !== levelRank(b)) return levelRank(a) - levelRank(b);
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
});

function versionAt(check: Check, minor: number): VersionedCheck | undefined {
  let found: VersionedCheck | undefined;
  for (const v of check.versions) if (v.min <= minor) found = v;
  return found;
}

/** The check functions a level:version runs, in the order results are reported. */
function checksFor(lv: LevelVersion): CheckFn[] {
  if (lv.level === 'privileged') return [];
  const minor =
    lv.version === 'latest'
      ? MAX_POD_SECURITY_MINOR
      : Math.min(lv.version, MAX_POD_SECURITY_MINOR);
  const active = ORDERED.map(c => ({ c, v: versionAt(c, minor) })).filter(
    (x): x is { c: Check; v: VersionedCheck } => x.v !== undefined,
  );
  if (lv.level === 'baseline')
    return active.filter(x => x.c.level === 'baseline').map(x => x.v.check);
  const overridden = new Set(
    active
      .filter(x => x.c.level === 'restricted')
      .flatMap(x => x.v.overrides ?? []),
  );
  return active.filter(x => !overridden.has(x.c.id)).map(x => x.v.check);
}

/** All failed checks of a pod (metadata + spec) against a level:version. */
export interface PodSecurityResult {
  allowed: boolean;
  reasons: string[];
  details: string[];
}

export function evaluatePod(
  lv: LevelVersion,
  meta: JsonObject,
  spec: JsonObject,
): PodSecurityResult {
  const failed = checksFor(lv)
    .map(check => check(meta, spec))
    .filter((r: CheckResult) => !r.allowed);
  return {
    allowed: failed.length === 0,
    reasons: failed.map(r => r.reason || 'unknown forbidden reason'),
    details: failed.map(r => r.detail ?? ''),
  };
}

/** `reason (detail), reason (detail)`: what follows `violates PodSecurity "…": `. */
export function forbiddenDetail(r: PodSecurityResult): string {
  return r.reasons
    .map((reason, i) => (r.details[i] ? `${reason} (${r.details[i]})` : reason))
    .join(', ');
}

/** `reason, reason`: used to group existing pods when a namespace's level changes. */
export const forbiddenReason = (r: PodSecurityResult) => r.reasons.join(', ');

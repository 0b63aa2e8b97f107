import { FieldError, invalid } from '../../validation/fieldErrors';

/** Pod Security Standards levels, least to most restrictive. */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/** `latest` or the minor version of `v1.<minor>`. */
export type PodSecurityVersion = 'latest' | number;

export interface LevelVersion {
  level: PodSecurityLevel;
  version: PodSecurityVersion;
}

/** What a namespace's labels ask for, per mode. */
export interface PodSecurityPolicy {
  enforce: LevelVersion;
  audit: LevelVersion;
  warn: LevelVersion;
}

const PREFIX = 'pod-security.kubernetes.io/';
export const ENFORCE_LABEL = `${PREFIX}enforce`;
const LABELS = {
  enforce: ENFORCE_LABEL,
  enforceVersion: `${PREFIX}enforce-version`,
  audit: `${PREFIX}audit`,
  auditVersion: `${PREFIX}audit-version`,
  warn: `${PREFIX}warn`,
  warnVersion: `${PREFIX}warn-version`,
};

const LEVELS: PodSecurityLevel[] = ['privileged', 'baseline', 'restricted'];

export function formatLevelVersion(lv: LevelVersion): string {
  const version = lv.version === 'latest' ? 'latest' : `v1.${lv.version}`;
  return `${lv.level}:${version}`;
}

export function sameLevelVersion(a: LevelVersion, b: LevelVersion): boolean {
  return a.level === b.level && a.version === b.version;
}

/** <0, 0, >0 like CompareLevels. */
export function compareLevels(a: PodSecurityLevel, b: PodSecurityLevel) {
  return LEVELS.indexOf(a) - LEVELS.indexOf(b);
}

/** An invalid level reads as `restricted` (fail closed), with an error. */
function parseLevel(value: string): {
  level: PodSecurityLevel;
  error?: string;
} {
  return (LEVELS as string[]).includes(value)
    ? { level: value as PodSecurityLevel }
    : { level: 'restricted', error: `must be one of ${LEVELS.join(', ')}` };
}

function parseVersion(value: string): {
  version: PodSecurityVersion;
  error?: string;
} {
  if (value === 'latest') return { version: 'latest' };
  const m = /^v1\.([0-9]|[1-9][0-9]*)$/.exec(value);
  if (!m) return { version: 'latest', error: 'must be "latest" or "v1.x"' };
  return { version: Number(m[1]) };
}

const PRIVILEGED_LATEST: LevelVersion = {
  level: 'privileged',
  version: 'latest',
};

/** The API server's default policy: privileged:latest in every mode. */
export const DEFAULT_POLICY: PodSecurityPolicy = {
  enforce: PRIVILEGED_LATEST,
  audit: PRIVILEGED_LATEST,
  warn: PRIVILEGED_LATEST,
};

/**
 * The policy a namespace's labels ask for, as Pod Security Admission reads
 * them: invalid enforce levels fail closed (restricted), invalid audit/warn
 * levels fail open, and an unset warn level follows a stricter enforce level.
 */
export function policyFromLabels(
  labels: Record<string, string> | undefined,
  defaults: PodSecurityPolicy = DEFAULT_POLICY,
): { policy: PodSecurityPolicy; errors: FieldError[] } {
  const p: PodSecurityPolicy = {
    enforce: { ...defaults.enforce },
    audit: { ...defaults.audit },
    warn: { ...defaults.warn },
  };
  const errors: FieldError[] = [];
  const all = labels ?? {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(all, k);
  const fail = (label: string, value: string, error?: string) => {
    if (error) errors.push(invalid(`metadata.labels[${label}]`, value, error));
  };
  let hasEnforceLevel = false;
  if (has(LABELS.enforce)) {
    const r = parseLevel(all[LABELS.enforce]);
    p.enforce.level = r.level;
    hasEnforceLevel = !r.error;
    fail(LABELS.enforce, all[LABELS.enforce], r.error);
  }
  if (has(LABELS.enforceVersion)) {
    const r = parseVersion(all[LABELS.enforceVersion]);
    p.enforce.version = r.version;
    fail(LABELS.enforceVersion, all[LABELS.enforceVersion], r.error);
  }
  if (has(LABELS.audit)) {
    const r = parseLevel(all[LABELS.audit]);
    p.audit.level = r.error ? 'privileged' : r.level;
    fail(LABELS.audit, all[LABELS.audit], r.error);
  }
  if (has(LABELS.auditVersion)) {
    const r = parseVersion(all[LABELS.auditVersion]);
    p.audit.version = r.version;
    fail(LABELS.auditVersion, all[LABELS.auditVersion], r.error);
  }
  if (has(LABELS.warn)) {
    const r = parseLevel(all[LABELS.warn]);
    p.warn.level = r.error ? 'privileged' : r.level;
    fail(LABELS.warn, all[LABELS.warn], r.error);
  }
  if (has(LABELS.warnVersion)) {
    const r = parseVersion(all[LABELS.warnVersion]);
    p.warn.version = r.version;
    fail(LABELS.warnVersion, all[LABELS.warnVersion], r.error);
  }
  if (
    !has(LABELS.warn) &&
    hasEnforceLevel &&
    compareLevels(p.enforce.level, p.warn.level) > 0
  ) {
    p.warn.level = p.enforce.level;
    if (!has(LABELS.warnVersion)) p.warn.version = p.enforce.version;
  }
  return { policy: p, errors };
}

export function fullyPrivileged(p: PodSecurityPolicy): boolean {
  return (
    p.enforce.level === 'privileged' &&
    p.audit.level === 'privileged' &&
    p.warn.level === 'privileged'
  );
}

/** Which labels were explicitly set, for the exempt-namespace warning. */
export function setModes(labels: Record<string, string> | undefined) {
  const all = labels ?? {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(all, k);
  return {
    enforce: has(LABELS.enforce) || has(LABELS.enforceVersion),
    audit: has(LABELS.audit) || has(LABELS.auditVersion),
    warn: has(LABELS.warn) || has(LABELS.warnVersion),
  };
}

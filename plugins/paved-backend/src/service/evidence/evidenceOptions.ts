import { RootConfigService } from '@backstage/backend-plugin-api';

export interface EvidenceOptions {
  /** Lines asked for from the end of the previous container's log. */
  tailLines: number;
  /** Bytes the cluster may send at most (`limitBytes`). */
  limitBytes: number;
  /** Events shown per object, newest first. */
  maxEvents: number;
}

export const DEFAULT_EVIDENCE_OPTIONS: EvidenceOptions = {
  tailLines: 100,
  limitBytes: 64 * 1024,
  maxEvents: 50,
};

// A drawer shows a screenful or two; more is a log viewer's job, and the
// bounds keep one request's memory small whatever the config says.
const MAX = { tailLines: 5000, limitBytes: 1024 * 1024, maxEvents: 500 };

function bounded(
  config: ReturnType<RootConfigService['getOptionalConfig']>,
  key: keyof EvidenceOptions,
): number {
  const raw = config?.getOptional(key);
  if (raw === undefined) return DEFAULT_EVIDENCE_OPTIONS[key];
  if (
    typeof raw !== 'number' ||
    !Number.isInteger(raw) ||
    raw < 1 ||
    raw > MAX[key]
  ) {
    throw new Error(
      `paved.evidence.${key} must be a whole number from 1 to ${
        MAX[key]
      }, got ${JSON.stringify(raw)}`,
    );
  }
  return raw;
}

/** Reads `paved.evidence`; see config.d.ts. */
export function readEvidenceOptions(
  config: RootConfigService,
): EvidenceOptions {
  const evidence = config.getOptionalConfig('paved.evidence');
  return {
    tailLines: bounded(evidence, 'tailLines'),
    limitBytes: bounded(evidence, 'limitBytes'),
    maxEvents: bounded(evidence, 'maxEvents'),
  };
}

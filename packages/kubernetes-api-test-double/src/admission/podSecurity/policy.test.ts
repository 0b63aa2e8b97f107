import { formatLevelVersion, policyFromLabels } from './policy';

const label = (mode: string) => `pod-security.kubernetes.io/${mode}`;

describe('policyFromLabels', () => {
  it('defaults to privileged:latest everywhere', () => {
    const { policy, errors } = policyFromLabels(undefined);
    expect(errors).toEqual([]);
    expect(formatLevelVersion(policy.enforce)).toBe('privileged:latest');
  });

  it('reads levels and versions; warn follows a stricter enforce level', () => {
    const { policy } = policyFromLabels({
      [label('enforce')]: 'baseline',
      [label('enforce-version')]: 'v1.29',
    });
    expect(formatLevelVersion(policy.enforce)).toBe('baseline:v1.29');
    expect(formatLevelVersion(policy.warn)).toBe('baseline:v1.29');
    expect(formatLevelVersion(policy.audit)).toBe('privileged:latest');
  });

  it('keeps an explicit warn level', () => {
    const { policy } = policyFromLabels({
      [label('enforce')]: 'baseline',
      [label('warn')]: 'restricted',
    });
    expect(formatLevelVersion(policy.warn)).toBe('restricted:latest');
  });

  it('fails closed for enforce and open for warn on bad values', () => {
    const { policy, errors } = policyFromLabels({
      [label('enforce')]: 'strict',
      [label('warn')]: 'loud',
      [label('warn-version')]: '1.30',
    });
    expect(policy.enforce.level).toBe('restricted');
    expect(policy.warn.level).toBe('privileged');
    expect(errors.map(e => `${e.field}: ${e.detail}`)).toEqual([
      'metadata.labels[pod-security.kubernetes.io/enforce]: must be one of privileged, baseline, restricted',
      'metadata.labels[pod-security.kubernetes.io/warn]: must be one of privileged, baseline, restricted',
      'metadata.labels[pod-security.kubernetes.io/warn-version]: must be "latest" or "v1.x"',
    ]);
  });
});

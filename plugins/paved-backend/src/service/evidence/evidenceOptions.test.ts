import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_EVIDENCE_OPTIONS,
  readEvidenceOptions,
} from './evidenceOptions';

const read = (evidence?: object) =>
  readEvidenceOptions(
    mockServices.rootConfig({ data: evidence ? { paved: { evidence } } : {} }),
  );

describe('readEvidenceOptions', () => {
  it('has sane defaults: 100 lines, 64 KiB, 50 events', () => {
    expect(read()).toEqual(DEFAULT_EVIDENCE_OPTIONS);
    expect(DEFAULT_EVIDENCE_OPTIONS).toEqual({
      tailLines: 100,
      limitBytes: 65536,
      maxEvents: 50,
    });
  });

  it('takes whole numbers within bounds', () => {
    expect(read({ tailLines: 20, limitBytes: 4096, maxEvents: 10 })).toEqual({
      tailLines: 20,
      limitBytes: 4096,
      maxEvents: 10,
    });
  });

  it.each([
    [
      { tailLines: 0 },
      'paved.evidence.tailLines must be a whole number from 1 to 5000, got 0',
    ],
    [
      { limitBytes: 2_000_000 },
      'paved.evidence.limitBytes must be a whole number from 1 to 1048576, got 2000000',
    ],
    [
      { maxEvents: 1.5 },
      'paved.evidence.maxEvents must be a whole number from 1 to 500, got 1.5',
    ],
    [
      { tailLines: '100' },
      'paved.evidence.tailLines must be a whole number from 1 to 5000, got "100"',
    ],
  ])('refuses %j, naming the key', (evidence, message) => {
    expect(() => read(evidence)).toThrow(message);
  });
});

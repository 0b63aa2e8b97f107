import { summarizeLatencies } from './latency';
import { pavedHealthReadPermission } from '../health/permissions';

describe('summarizeLatencies', () => {
  it('reports nearest-rank median and p95 against the 200 ms target', () => {
    const s = summarizeLatencies([10, 30, 20, 40, 500]);
    expect(s).toEqual({
      calls: 5,
      medianMs: 30,
      p95Ms: 500,
      maxMs: 500,
      meetsTarget: false,
    });
    expect(summarizeLatencies([5])?.meetsTarget).toBe(true);
    expect(summarizeLatencies([])).toBeUndefined();
  });
});

describe('pavedHealthReadPermission', () => {
  it('is a read permission on catalog entities', () => {
    expect(pavedHealthReadPermission).toEqual({
      type: 'resource',
      resourceType: 'catalog-entity',
      name: 'paved.health.read',
      attributes: { action: 'read' },
    });
  });
});

import { detectIdShapes, idMatcher, isPeriod } from './idShapes';

const names = (candidates: string[]) =>
  detectIdShapes(candidates).map(s => s.name);

describe('detectIdShapes', () => {
  it('finds each built-in shape from the texts that could start items', () => {
    expect(names(['1.2 A', 'Overview'])).toEqual(['dotted numbers']);
    expect(names(['KBP-07 — A', 'Q3-2025-01 B'])).toEqual([
      'prefix with dashes',
    ]);
    expect(names(['A1 First', 'A2: Second'])).toEqual([
      'letters with a number',
    ]);
  });

  it('wants letters used with two numbers, so "S3 buckets" is no id', () => {
    expect(names(['S3 buckets', 'Intro'])).toEqual([]);
    const [shape] = detectIdShapes(['M1 a', 'M2 b', 'S3 buckets']);
    const matcher = idMatcher([shape]);
    expect(matcher.atStart('M3 later')).toBe('M3');
    expect(matcher.atStart('S3 buckets')).toBeUndefined();
  });

  it('leaves periods and references to ADRs out', () => {
    expect(names(['Q3 2025', 'H1-2026', '2025 Q4', 'ADR-0001 Use X'])).toEqual(
      [],
    );
    expect(isPeriod('Q3-2025')).toBe(true);
    expect(isPeriod('Q3-2025-01 Item')).toBe(false);
  });
});

describe('idMatcher', () => {
  const matcher = idMatcher(detectIdShapes(['1.2 x', 'KBP-07 y']));

  it('reads an id only where one ends', () => {
    expect(matcher.atStart('1.2. Title')).toBe('1.2');
    expect(matcher.atStart('KBP-07 — Title')).toBe('KBP-07');
    expect(matcher.atStart('99.9% availability')).toBeUndefined();
    expect(matcher.atStart('1.29x')).toBeUndefined();
  });

  it('finds ids within text', () => {
    expect(matcher.findAll('Phase 4.3 (MinIO), KBP-07 and v1.2')).toEqual([
      '4.3',
      'KBP-07',
    ]);
  });
});

import { entityRefProblem } from './schemas';

describe('entityRefProblem', () => {
  it('accepts kind:name and kind:namespace/name', () => {
    expect(entityRefProblem('component:payments-api')).toBeUndefined();
    expect(entityRefProblem('resource:default/tenant-a')).toBeUndefined();
  });

  it('says how to write a ref without a kind', () => {
    expect(entityRefProblem('payments-api')).toMatch(
      /missing or empty kind.*write it as kind:namespace\/name/,
    );
  });

  it('names the part no catalog entity can have', () => {
    expect(entityRefProblem(`component:default/${'a'.repeat(64)}`)).toBe(
      'name: at most 63 characters, got 64',
    );
    expect(entityRefProblem('component:default/a\u0000b')).toMatch(
      /^name: control character U\+0000 at position 1/,
    );
  });
});

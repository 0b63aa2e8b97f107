import {
  ContinueTokenError,
  decodeContinueToken,
  encodeContinueToken,
} from './continueToken';

describe('continue tokens', () => {
  it('round-trips position and revision', () => {
    const token = encodeContinueToken({
      revision: 42,
      start: 'payments/web\u0000',
    });
    expect(decodeContinueToken(token)).toEqual({
      revision: 42,
      start: 'payments/web\u0000',
    });
  });

  it('uses the etcd3 encoding (base64url JSON with v, rv, start)', () => {
    const token = encodeContinueToken({ revision: 7, start: 'a' });
    expect(JSON.parse(Buffer.from(token, 'base64url').toString())).toEqual({
      v: 'meta.k8s.io/v1',
      rv: 7,
      start: 'a',
    });
  });

  it.each([
    'not base64 json!!',
    Buffer.from('{"v":"other","rv":1,"start":"a"}').toString('base64url'),
    Buffer.from('{"v":"meta.k8s.io/v1","rv":"x","start":"a"}').toString(
      'base64url',
    ),
    Buffer.from('{"v":"meta.k8s.io/v1","rv":1,"start":""}').toString(
      'base64url',
    ),
    Buffer.from('[]').toString('base64url'),
  ])('rejects %j', token => {
    expect(() => decodeContinueToken(token)).toThrow(ContinueTokenError);
  });
});

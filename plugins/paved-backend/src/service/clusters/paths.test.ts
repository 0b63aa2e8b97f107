import { assertReadablePath, listPath } from './paths';

describe('assertReadablePath', () => {
  it.each([
    '/api/v1/secrets',
    '/api/v1/namespaces/payments/secrets',
    '/api/v1/namespaces/payments/secrets/payments-api-db',
    '/api/v1/namespaces/payments/SECRETS?limit=1',
    '/api/v1/namespaces/payments/%73ecrets',
    '/api/v1/namespaces/x/pods/../secrets',
  ])('refuses %s', path => {
    expect(() => assertReadablePath(path)).toThrow();
  });

  it.each([
    '/version',
    '/api/v1/nodes',
    '/api/v1/namespaces/payments/pods?labelSelector=app%3Dsecrets',
    '/apis/apps/v1/namespaces/secrets-team/deployments',
  ])('allows %s', path => {
    expect(() => assertReadablePath(path)).not.toThrow();
  });

  it('refuses relative paths', () => {
    expect(() => assertReadablePath('api/v1/pods')).toThrow(/absolute/);
  });
});

describe('listPath', () => {
  it('builds core and group paths, namespaced or not', () => {
    expect(listPath('', 'v1', 'pods')).toBe('/api/v1/pods');
    expect(listPath('apps', 'v1', 'deployments', 'payments')).toBe(
      '/apis/apps/v1/namespaces/payments/deployments',
    );
  });
});

import { negotiate } from './negotiation';
import { parseRequestInfo } from './requestInfo';

const info = (method: string, path: string, query = '') =>
  parseRequestInfo(method, path, new URLSearchParams(query));

describe('parseRequestInfo', () => {
  it.each([
    ['GET', '/api', { type: 'apiVersions' }],
    ['GET', '/apis', { type: 'apiGroupList' }],
    ['GET', '/apis/apps', { type: 'apiGroup', group: 'apps' }],
    ['GET', '/api/v1', { type: 'resourceList', group: '', version: 'v1' }],
    ['GET', '/version', { type: 'nonResource', path: '/version' }],
    [
      'GET',
      '/api/v1/pods',
      {
        type: 'resource',
        verb: 'list',
        group: '',
        version: 'v1',
        resource: 'pods',
      },
    ],
    [
      'GET',
      '/api/v1/namespaces/a/pods/p/log',
      {
        verb: 'get',
        namespace: 'a',
        resource: 'pods',
        name: 'p',
        subresource: 'log',
      },
    ],
    [
      'GET',
      '/apis/apps/v1/namespaces/a/deployments',
      { verb: 'list', group: 'apps', namespace: 'a', resource: 'deployments' },
    ],
    [
      'POST',
      '/api/v1/namespaces/a/configmaps',
      { verb: 'create', namespace: 'a', resource: 'configmaps' },
    ],
    [
      'PATCH',
      '/api/v1/nodes/n1',
      { verb: 'patch', resource: 'nodes', name: 'n1' },
    ],
    [
      'DELETE',
      '/api/v1/namespaces/a/pods',
      { verb: 'deletecollection', namespace: 'a', resource: 'pods' },
    ],
    [
      'GET',
      '/api/v1/namespaces/a',
      { verb: 'get', resource: 'namespaces', name: 'a', namespace: 'a' },
    ],
    [
      'PUT',
      '/api/v1/namespaces/a/status',
      {
        verb: 'update',
        resource: 'namespaces',
        name: 'a',
        subresource: 'status',
      },
    ],
  ])('%s %s', (method, path, expected) => {
    expect(info(method, path)).toMatchObject(expected);
  });

  it('recognises watches', () => {
    expect(info('GET', '/api/v1/pods', 'watch=true')).toMatchObject({
      verb: 'watch',
    });
  });
});

describe('negotiate', () => {
  it('serves kubectl a Table', () => {
    expect(
      negotiate(
        'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
      ),
    ).toEqual({ as: 'Table', version: 'v1' });
  });

  it('falls through protobuf to JSON', () => {
    expect(
      negotiate('application/vnd.kubernetes.protobuf, application/json'),
    ).toEqual({ as: 'object', format: 'json' });
  });

  it('defaults to JSON and refuses what it cannot serve', () => {
    expect(negotiate(undefined)).toEqual({ as: 'object', format: 'json' });
    expect(negotiate('*/*')).toEqual({ as: 'object', format: 'json' });
    expect(negotiate('application/yaml')).toEqual({
      as: 'object',
      format: 'yaml',
    });
    expect(
      negotiate(
        'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io',
      ),
    ).toEqual({
      as: 'PartialObjectMetadata',
      version: 'v1',
    });
    expect(negotiate('application/vnd.kubernetes.protobuf')).toBeUndefined();
    expect(negotiate('text/html')).toBeUndefined();
  });
});

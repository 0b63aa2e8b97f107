import { KubeObject } from '../render/types';
import { quotaShortfalls } from './quota';

const quota = (
  namespace: string,
  hard: Record<string, string>,
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'tenant-quota', namespace },
  spec: { hard },
});

describe('quotaShortfalls', () => {
  it.each<[string, Record<string, string>, Record<string, string>, string[]]>([
    [
      'cores against millicores',
      { 'requests.cpu': '1' },
      { 'requests.cpu': '1500m' },
      ['requests.cpu'],
    ],
    [
      'equal use is allowed',
      { 'requests.cpu': '1500m' },
      { 'requests.cpu': '1.5' },
      [],
    ],
    [
      'binary against decimal memory',
      { 'requests.memory': '1G' },
      { 'requests.memory': '1Gi' },
      ['requests.memory'],
    ],
    [
      'object counts',
      { 'count/services': '3' },
      { 'count/services': '4' },
      ['count/services'],
    ],
    [
      'keys the quota does not use',
      { pods: '10' },
      { 'requests.cpu': '99' },
      [],
    ],
  ])('%s', (_, hard, used, short) => {
    expect(
      quotaShortfalls(
        [quota('a-dev', hard)],
        [{ namespace: 'a-dev', name: 'tenant-quota', used }],
      ).map(s => s.resource),
    ).toEqual(short);
  });

  it('compares each namespace with its own use', () => {
    expect(
      quotaShortfalls(
        [quota('a-dev', { pods: '5' }), quota('a-prod', { pods: '5' })],
        [
          { namespace: 'a-dev', name: 'tenant-quota', used: { pods: '2' } },
          { namespace: 'a-prod', name: 'tenant-quota', used: { pods: '7' } },
        ],
      ),
    ).toEqual([
      { namespace: 'a-prod', resource: 'pods', used: '7', hard: '5' },
    ]);
  });
});

import { KubeObject } from '../types';
import { SelectorError } from './errors';
import { checkFieldLabels, fieldValues } from './fieldLabels';
import { matchesFieldSelector, parseFieldSelector } from './fieldSelector';

const pod: KubeObject = {
  metadata: { name: 'web-1', namespace: 'shop' },
  spec: { nodeName: 'node-a', restartPolicy: 'Always' },
  status: { phase: 'Running', podIP: '10.0.0.5', podIPs: [{ ip: '10.0.0.5' }] },
};

describe('parseFieldSelector', () => {
  it('parses =, == and !=', () => {
    expect(parseFieldSelector('a=1,b==2,c!=3')).toEqual([
      { field: 'a', operator: 'Equals', value: '1' },
      { field: 'b', operator: 'Equals', value: '2' },
      { field: 'c', operator: 'NotEquals', value: '3' },
    ]);
  });

  it('unescapes values', () => {
    expect(parseFieldSelector('metadata.name=a\\,b\\=c')).toEqual([
      { field: 'metadata.name', operator: 'Equals', value: 'a,b=c' },
    ]);
  });

  it('rejects a term without an operator', () => {
    expect(() => parseFieldSelector('metadata.name')).toThrow(
      "invalid selector: 'metadata.name'; can't understand 'metadata.name'",
    );
  });
});

describe('field labels', () => {
  it('extracts pod fields', () => {
    const values = fieldValues('', 'Pod', pod);
    expect(values).toMatchObject({
      'metadata.name': 'web-1',
      'metadata.namespace': 'shop',
      'spec.nodeName': 'node-a',
      'status.phase': 'Running',
      'status.podIP': '10.0.0.5',
      'spec.hostNetwork': 'false',
    });
  });

  it('matches like the server', () => {
    const values = fieldValues('', 'Pod', pod);
    expect(
      matchesFieldSelector(parseFieldSelector('status.phase=Running'), values),
    ).toBe(true);
    expect(
      matchesFieldSelector(parseFieldSelector('status.phase!=Running'), values),
    ).toBe(false);
    expect(
      matchesFieldSelector(parseFieldSelector('spec.nodeName='), values),
    ).toBe(false);
    const pending = fieldValues('', 'Pod', {
      metadata: { name: 'p' },
      status: { phase: 'Pending' },
    });
    expect(
      matchesFieldSelector(parseFieldSelector('spec.nodeName='), pending),
    ).toBe(true);
  });

  it('supports per-kind fields and refuses others', () => {
    expect(() =>
      checkFieldLabels(
        '',
        'Event',
        parseFieldSelector(
          'involvedObject.uid=x,reason=BackOff,type=Warning,source=kubelet',
        ),
      ),
    ).not.toThrow();
    expect(() =>
      checkFieldLabels(
        '',
        'Node',
        parseFieldSelector('spec.unschedulable=true'),
      ),
    ).not.toThrow();
    expect(() =>
      checkFieldLabels('', 'Secret', parseFieldSelector('type=Opaque')),
    ).not.toThrow();
    expect(() =>
      checkFieldLabels(
        'apps',
        'Deployment',
        parseFieldSelector('status.phase=Running'),
      ),
    ).toThrow(new SelectorError('field label not supported: status.phase'));
    expect(() =>
      checkFieldLabels('', 'ConfigMap', parseFieldSelector('metadata.name=x')),
    ).not.toThrow();
  });
});

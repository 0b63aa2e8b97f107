import { parse } from 'yaml';
import { REDACTED, redactedYaml, redactObject, redactYamlText } from './redact';

describe('redactObject', () => {
  const obj = {
    apiVersion: 'rds.aws.upbound.io/v1beta1',
    kind: 'Instance',
    metadata: {
      name: 'db',
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration':
          '{"spec":{"masterPassword":"hunter2"}}',
        team: 'payments',
      },
      managedFields: [{ manager: 'x' }],
    },
    spec: {
      forProvider: {
        masterPassword: 'hunter2',
        masterPasswordSecretRef: { name: 'db-pw', namespace: 'p', key: 'pw' },
        apiToken: 'tok-123',
        caCert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
        instanceClass: 'db.t3.micro',
      },
      writeConnectionSecretToRef: { name: 'db-conn', namespace: 'p' },
    },
    status: { atProvider: { connectionDetails: { password: 'hunter2' } } },
  };

  it('redacts secret values, keeps references to secrets', () => {
    const out: any = redactObject(obj);
    expect(JSON.stringify(out)).not.toContain('hunter2');
    expect(JSON.stringify(out)).not.toContain('tok-123');
    expect(JSON.stringify(out)).not.toContain('MIIB');
    expect(out.spec.forProvider.masterPasswordSecretRef).toEqual({
      name: 'db-pw',
      namespace: 'p',
      key: 'pw',
    });
    expect(out.spec.writeConnectionSecretToRef.name).toBe('db-conn');
    expect(out.spec.forProvider.instanceClass).toBe('db.t3.micro');
    expect(out.spec.forProvider.masterPassword).toBe(REDACTED);
    expect(out.metadata.annotations.team).toBe('payments');
    expect(out.metadata.managedFields).toBeUndefined();
  });

  it('does not change its input', () => {
    redactObject(obj);
    expect(obj.spec.forProvider.masterPassword).toBe('hunter2');
  });

  it('renders YAML that parses back', () => {
    const yaml = redactedYaml(obj);
    expect(parse(yaml).kind).toBe('Instance');
    expect(yaml).not.toContain('hunter2');
  });
});

describe('redactYamlText', () => {
  it('redacts YAML text again and withholds text that is not YAML', () => {
    expect(redactYamlText('spec:\n  password: hunter2\n')).not.toContain(
      'hunter2',
    );
    expect(redactYamlText('a: [unclosed')).toContain(REDACTED);
  });
});

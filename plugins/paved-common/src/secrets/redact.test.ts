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

describe('redactObject: values, not flags (issue #13)', () => {
  const spec = {
    forProvider: {
      autoGeneratePassword: true,
      manageMasterUserPassword: false,
      passwordLength: 32,
      tokenTTLSeconds: 3600,
      masterPassword: null,
      apiToken: 'tok-123',
      credentials: ['cred-a', 'cred-b'],
      secretFlags: [true, false],
    },
  };

  it('keeps booleans, null and counts under secret-looking keys', () => {
    const out: any = redactObject({ spec }).spec.forProvider;
    expect(out.autoGeneratePassword).toBe(true);
    expect(out.manageMasterUserPassword).toBe(false);
    expect(out.passwordLength).toBe(32);
    expect(out.tokenTTLSeconds).toBe(3600);
    expect(out.masterPassword).toBeNull();
    expect(out.secretFlags).toEqual([true, false]);
  });

  it('still redacts strings and string arrays under them', () => {
    const out: any = redactObject({ spec }).spec.forProvider;
    expect(out.apiToken).toBe(REDACTED);
    expect(out.credentials).toEqual([REDACTED, REDACTED]);
  });

  it('redacts a number that is the secret itself (a key ending in the secret word)', () => {
    // YAML reads `password: 123456` as a number: it is still a password.
    const out: any = redactObject({
      spec: { password: 123456, masterPassword: 8675309, pinToken: 42 },
    }).spec;
    expect(out).toEqual({
      password: REDACTED,
      masterPassword: REDACTED,
      pinToken: REDACTED,
    });
    expect(redactYamlText('spec:\n  password: 123456\n')).not.toContain(
      '123456',
    );
  });

  it('shows the flag in YAML text, as the browser re-redacts it', () => {
    const yaml = redactYamlText(
      'spec:\n  forProvider:\n    autoGeneratePassword: true\n    masterPassword: hunter2\n',
    );
    expect(yaml).toContain('autoGeneratePassword: true');
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

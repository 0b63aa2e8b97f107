/*
 * The vendored schemas against the upstream CRDs they were checked with
 * (crds/README.md): objects shaped like the upstream projects' own examples
 * pass, and typical mistakes are refused naming the field.
 */
import { validateCrdObject } from './crdSchemas';

const meta = (namespace?: string) => ({
  name: 'example',
  ...(namespace ? { namespace } : {}),
});

const examples: Record<string, () => any> = {
  ConstraintTemplate: () => ({
    apiVersion: 'templates.gatekeeper.sh/v1',
    kind: 'ConstraintTemplate',
    metadata: { name: 'k8srequiredlabels' },
    spec: {
      crd: {
        spec: {
          names: { kind: 'K8sRequiredLabels' },
          validation: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                labels: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
      },
      targets: [
        {
          target: 'admission.k8s.gatekeeper.sh',
          code: [
            { engine: 'Rego', source: { rego: 'package k8srequiredlabels' } },
            {
              engine: 'K8sNativeValidation',
              generateVAP: true,
              source: { validations: [] },
            },
          ],
        },
      ],
    },
  }),
  Schedule: () => ({
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: meta('velero'),
    spec: {
      schedule: '0 3 * * *',
      useOwnerReferencesInBackup: null,
      template: {
        includedNamespaces: ['*'],
        ttl: '720h0m0s',
        storageLocation: 'default',
        labelSelector: { matchLabels: { backup: 'true' } },
      },
    },
  }),
  BackupStorageLocation: () => ({
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    metadata: meta('velero'),
    spec: {
      provider: 'aws',
      accessMode: 'ReadWrite',
      objectStorage: { bucket: 'backups', prefix: 'prod' },
      config: { region: 'eu-west-1' },
      credential: { name: 'cloud-credentials', key: 'cloud' },
    },
  }),
  Provider: () => ({
    apiVersion: 'pkg.crossplane.io/v1',
    kind: 'Provider',
    metadata: meta(),
    spec: {
      package: 'xpkg.upbound.io/upbound/provider-aws-s3:v1.16.0',
      packagePullPolicy: 'IfNotPresent',
      revisionHistoryLimit: 1,
      runtimeConfigRef: { name: 'default' },
    },
  }),
  CompositeResourceDefinition: () => ({
    apiVersion: 'apiextensions.crossplane.io/v1',
    kind: 'CompositeResourceDefinition',
    metadata: { name: 'xpostgresqlinstances.database.example.org' },
    spec: {
      group: 'database.example.org',
      names: { kind: 'XPostgreSQLInstance', plural: 'xpostgresqlinstances' },
      claimNames: { kind: 'PostgreSQLInstance', plural: 'postgresqlinstances' },
      defaultCompositionUpdatePolicy: 'Manual',
      defaultCompositeDeletePolicy: 'Foreground',
      defaultCompositionRef: { name: 'aws-postgres' },
      connectionSecretKeys: ['username', 'password'],
      versions: [
        {
          name: 'v1alpha1',
          served: true,
          referenceable: true,
          schema: { openAPIV3Schema: { type: 'object', properties: {} } },
        },
      ],
    },
  }),
  ProviderConfig: () => ({
    apiVersion: 'aws.upbound.io/v1beta1',
    kind: 'ProviderConfig',
    metadata: meta(),
    spec: {
      credentials: {
        source: 'Secret',
        secretRef: {
          namespace: 'crossplane-system',
          name: 'aws-creds',
          key: 'credentials',
        },
      },
      assumeRoleChain: [
        { roleARN: 'arn:aws:iam::123456789012:role/crossplane' },
      ],
      endpoint: { url: { type: 'Static', static: 'http://localstack:4566' } },
      skip_credentials_validation: true,
    },
  }),
  Server: () => ({
    apiVersion: 'policy.linkerd.io/v1beta3',
    kind: 'Server',
    metadata: meta('payments'),
    spec: {
      podSelector: {
        matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }],
      },
      port: 'http',
      proxyProtocol: 'HTTP/1',
      accessPolicy: 'deny',
    },
  }),
  AuthorizationPolicy: () => ({
    apiVersion: 'policy.linkerd.io/v1alpha1',
    kind: 'AuthorizationPolicy',
    metadata: meta('payments'),
    spec: {
      targetRef: {
        group: 'policy.linkerd.io',
        kind: 'Server',
        name: 'web-http',
      },
      requiredAuthenticationRefs: [
        {
          group: 'policy.linkerd.io',
          kind: 'MeshTLSAuthentication',
          name: 'web-clients',
        },
      ],
    },
  }),
  MeshTLSAuthentication: () => ({
    apiVersion: 'policy.linkerd.io/v1alpha1',
    kind: 'MeshTLSAuthentication',
    metadata: meta('payments'),
    spec: {
      identities: ['*.payments.serviceaccount.identity.linkerd.cluster.local'],
    },
  }),
};

describe('vendored CRD schemas accept upstream-shaped objects', () => {
  it.each(Object.keys(examples))('%s', kind => {
    expect(validateCrdObject(examples[kind]())).toBe('');
  });

  it('accepts the other shapes upstream allows', () => {
    const refs = examples.MeshTLSAuthentication();
    refs.spec = { identityRefs: [{ kind: 'ServiceAccount', name: 'web' }] };
    const numericPort = examples.Server();
    numericPort.spec.port = 8080;
    const legacy = examples.Provider();
    legacy.spec.controllerConfigRef = { name: 'debug' };
    expect([refs, numericPort, legacy].map(validateCrdObject)).toEqual([
      '',
      '',
      '',
    ]);
  });
});

type Mistake = [kind: string, change: (o: any) => void, message: RegExp];
const mistakes: Mistake[] = [
  [
    'ConstraintTemplate',
    o => (o.spec.targets[0].operations = ['CREATE']),
    /spec\.targets\[0\]\.operations: is not a field/,
  ],
  [
    'ConstraintTemplate',
    o => delete o.spec.targets[0].code[0].engine,
    /spec\.targets\[0\]\.code\[0\]\.engine: is required/,
  ],
  ['Schedule', o => delete o.spec.schedule, /spec\.schedule: is required/],
  [
    'Schedule',
    o => (o.spec.template.ttl = 720),
    /spec\.template\.ttl: must be string/,
  ],
  [
    'BackupStorageLocation',
    o => (o.spec.accessMode = 'RW'),
    /spec\.accessMode: must be one of ReadOnly, ReadWrite/,
  ],
  [
    'BackupStorageLocation',
    o => delete o.spec.objectStorage.bucket,
    /spec\.objectStorage\.bucket: is required/,
  ],
  ['Provider', o => delete o.spec.package, /spec\.package: is required/],
  [
    'CompositeResourceDefinition',
    o => (o.spec.defaultCompositeUpdatePolicy = 'Manual'),
    /spec\.defaultCompositeUpdatePolicy: is not a field/,
  ],
  [
    'CompositeResourceDefinition',
    o => delete o.spec.versions[0].referenceable,
    /spec\.versions\[0\]\.referenceable: is required/,
  ],
  [
    'CompositeResourceDefinition',
    o => delete o.spec.claimNames.plural,
    /spec\.claimNames\.plural: is required/,
  ],
  [
    'CompositeResourceDefinition',
    o => (o.spec.versions[0].deprecationWarning = 'x'.repeat(257)),
    /deprecationWarning: must NOT have more than 256/,
  ],
  [
    'ProviderConfig',
    o => (o.spec.credentials.source = 'Vault'),
    /spec\.credentials\.source: must be one of None, Secret, IRSA/,
  ],
  [
    'ProviderConfig',
    o => (o.spec.assumeRoleChain[0].sessionName = 'x'),
    /spec\.assumeRoleChain\[0\]\.sessionName: is not a field/,
  ],
  [
    'ProviderConfig',
    o => (o.spec.endpoint = { partitionId: 'aws' }),
    /spec\.endpoint\.url: is required/,
  ],
  [
    'Server',
    o => (o.spec.podSelector.matchExpressions[0].operator = 'Equals'),
    /operator: must be one of In, NotIn, Exists, DoesNotExist/,
  ],
  ['Server', o => delete o.spec, /^spec: is required/],
  [
    'Server',
    o => delete o.spec.podSelector,
    /must match exactly one schema in oneOf|podSelector: is required/,
  ],
  [
    'AuthorizationPolicy',
    o => (o.spec.targetRef.kind = ''),
    /spec\.targetRef\.kind: must NOT have fewer than 1/,
  ],
  [
    'AuthorizationPolicy',
    o => (o.spec.requiredAuthenticationRefs[0].group = 'Policy.Linkerd'),
    /requiredAuthenticationRefs\[0\]\.group: must match pattern/,
  ],
  [
    'MeshTLSAuthentication',
    o => (o.spec.identities = ['Web_Client']),
    /spec\.identities\[0\]: must match pattern/,
  ],
];

describe('vendored CRD schemas refuse typical mistakes, naming the field', () => {
  it.each(mistakes)('%s: %s', (kind, change, message) => {
    const o = examples[kind]();
    change(o);
    expect(validateCrdObject(o)).toMatch(message);
  });
});

import { Entity } from '@backstage/catalog-model';
import {
  CrossplaneClaimView,
  CrossplaneDetailsResponse,
  CrossplaneEntityResponse,
  CrossplaneNode,
} from '@paved/plugin-paved-common';

export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'ledger-worker',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'ledger-worker' },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

const ok = (type: 'Synced' | 'Ready') => ({
  type,
  status: 'True' as const,
  reason: type === 'Ready' ? 'Available' : 'ReconcileSuccess',
});

const node = (
  kind: string,
  name: string,
  role: CrossplaneNode['role'],
  extra: Partial<CrossplaneNode> = {},
): CrossplaneNode => ({
  ref: { apiVersion: 'x/v1', kind, name, uid: `uid-${name}` },
  role,
  state: 'ready',
  synced: ok('Synced'),
  ready: ok('Ready'),
  createdAt: '2026-11-21T03:40:00Z',
  yaml: `kind: ${kind}\nmetadata:\n  name: ${name}\n`,
  events: [],
  children: [],
  ...extra,
});

const failingMr = node('Instance', 'ledger-db-q9m4d-rds', 'managed', {
  state: 'not-ready',
  synced: {
    type: 'Synced',
    status: 'False',
    reason: 'ReconcileError',
    message:
      'api error InvalidParameterCombination: Cannot find version 15.1 for postgres',
  },
  ready: { type: 'Ready', status: 'False', reason: 'Creating' },
  // A secret that slipped past the backend must not reach the screen.
  yaml: 'kind: Instance\nspec:\n  forProvider:\n    masterPassword: hunter2\n',
  events: [
    {
      type: 'Warning',
      reason: 'CannotCreateExternalResource',
      message: 'Cannot find version 15.1 for postgres',
      count: 23,
      lastTimestamp: '2026-11-21T04:58:09Z',
    },
  ],
});

export const failingClaim: CrossplaneClaimView = {
  shape: 'v1-claim',
  foundBy: 'label-selector',
  status: 'not-ready',
  root: node('PostgreSQLInstance', 'ledger-db', 'claim', {
    ref: {
      apiVersion: 'platform.paved.dev/v1alpha1',
      kind: 'PostgreSQLInstance',
      name: 'ledger-db',
      namespace: 'payments',
      uid: 'uid-ledger-db',
    },
    state: 'not-ready',
    ready: { type: 'Ready', status: 'False', reason: 'Waiting' },
    children: [
      node('XPostgreSQLInstance', 'ledger-db-q9m4d', 'composite', {
        state: 'not-ready',
        ready: { type: 'Ready', status: 'False', reason: 'Creating' },
        // Ready first from the backend's point of view: the UI must reorder.
        children: [
          node('XBucket', 'ledger-db-q9m4d-backups', 'composite'),
          failingMr,
        ],
      }),
    ],
  }),
  counts: {
    synced: { True: 3, False: 1, Unknown: 0, Absent: 0 },
    ready: { True: 1, False: 3, Unknown: 0, Absent: 0 },
  },
  firstNotReady: {
    ref: failingMr.ref,
    role: 'managed',
    condition: 'Synced',
    reason: 'ReconcileError',
    message:
      'api error InvalidParameterCombination: Cannot find version 15.1 for postgres',
  },
  composition: {
    name: 'xpostgresqlinstances-aws',
    found: true,
    mode: 'Pipeline',
  },
  compositionRevision: {
    name: 'xpostgresqlinstances-aws-8f4d2a7',
    found: true,
    revision: 2,
  },
  connectionSecrets: [
    { name: 'ledger-db-conn', namespace: 'payments', exists: false },
  ],
  runbookUrl: '/docs/default/system/paved/runbooks/crossplane-claim-not-ready/',
};

export const readyClaim: CrossplaneClaimView = {
  shape: 'v2-composite',
  foundBy: 'annotation',
  status: 'ready',
  root: node('AppBucket', 'checkout-media', 'composite', {
    ref: {
      apiVersion: 'storage.paved.dev/v1alpha1',
      kind: 'AppBucket',
      name: 'checkout-media',
      namespace: 'checkout',
    },
    children: [node('Bucket', 'checkout-media-s3', 'managed')],
  }),
  counts: {
    synced: { True: 2, False: 0, Unknown: 0, Absent: 0 },
    ready: { True: 2, False: 0, Unknown: 0, Absent: 0 },
  },
  composition: { name: 'appbuckets-aws', found: true },
  connectionSecrets: [],
};

export const response: CrossplaneEntityResponse = {
  entityRef: 'component:default/ledger-worker',
  claimReferences: [],
  labelSelector: 'backstage.io/kubernetes-id=ledger-worker',
  invalidReferences: [],
  clusters: [
    {
      cluster: 'paved-local',
      ok: true,
      data: {
        claims: [readyClaim, failingClaim],
        problems: [
          {
            subject: 'Instance other-rds',
            message: 'HTTP 403: instances is forbidden',
            statusCode: 403,
          },
        ],
      },
    },
    {
      cluster: 'prod-eu-1',
      ok: false,
      error: {
        name: 'ClusterTimeoutError',
        message: 'did not answer within 10000 ms',
      },
    },
  ],
};

/** The panels behind ledger-db: an unhealthy RDS provider, Providers refused on a second claim. */
export const details: CrossplaneDetailsResponse = {
  entityRef: 'component:default/ledger-worker',
  clusters: [
    {
      cluster: 'paved-local',
      ok: true,
      data: {
        claims: [
          {
            claim: failingClaim.root.ref,
            xrd: {
              ok: true,
              value: {
                name: 'xpostgresqlinstances.platform.paved.dev',
                group: 'platform.paved.dev',
                kind: 'XPostgreSQLInstance',
                claimKind: 'PostgreSQLInstance',
                established: { status: 'True' },
                offered: { status: 'True' },
                versions: [
                  {
                    name: 'v1alpha1',
                    served: true,
                    referenceable: true,
                    specProperties: ['parameters'],
                  },
                ],
              },
            },
            composition: {
              ok: true,
              value: {
                name: 'xpostgresqlinstances-aws',
                mode: 'Pipeline',
                steps: [
                  {
                    step: 'compose',
                    functionRef: 'function-patch-and-transform',
                  },
                  { step: 'ready', functionRef: 'function-auto-ready' },
                ],
                resources: [],
              },
            },
            compositionRevision: {
              ok: true,
              value: {
                name: 'xpostgresqlinstances-aws-3b1c9e2',
                revision: 1,
                latestRevision: 2,
              },
            },
            providers: {
              ok: true,
              value: {
                providers: [
                  {
                    name: 'provider-aws-rds',
                    installed: { status: 'True' },
                    healthy: {
                      status: 'False',
                      reason: 'UnhealthyPackageRevision',
                      message: 'no available replicas',
                    },
                    revision: 2,
                    groups: ['rds.aws.upbound.io'],
                  },
                ],
                unmatchedGroups: [],
              },
            },
            functions: {
              ok: false,
              statusCode: 403,
              problem: 'not allowed to read Functions: HTTP 403: forbidden',
            },
          },
        ],
      },
    },
  ],
};

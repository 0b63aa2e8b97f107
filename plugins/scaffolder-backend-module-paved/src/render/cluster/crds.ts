import { KubeObject } from '../types';

/*
 * Kinds the baseline writes that no kubernetes-models package ships: typed
 * here, as far as the baseline writes them (use with `manifest<I...>()`).
 */

type Custom<ApiVersion extends string, Kind extends string, Spec> = {
  apiVersion: ApiVersion;
  kind: Kind;
  metadata: KubeObject['metadata'];
  spec: Spec;
};

type JsonSchema = {
  type: string;
  required?: string[];
  default?: unknown;
  properties?: Record<string, JsonSchema>;
};

/** OPA Gatekeeper's ConstraintTemplate. */
export type IConstraintTemplate = Custom<
  'templates.gatekeeper.sh/v1',
  'ConstraintTemplate',
  {
    crd: {
      spec: {
        names: { kind: string };
        validation?: { openAPIV3Schema: JsonSchema };
      };
    };
    targets: Array<{ target: string; rego: string }>;
  }
>;

/** A constraint of a kind a ConstraintTemplate defines. */
export type IGatekeeperConstraint = Custom<
  'constraints.gatekeeper.sh/v1beta1',
  string,
  {
    enforcementAction?: 'deny' | 'dryrun' | 'warn';
    match?: {
      kinds?: Array<{ apiGroups: string[]; kinds: string[] }>;
      namespaces?: string[];
    };
    parameters?: Record<string, unknown>;
  }
>;

/** Velero's BackupStorageLocation. */
export type IBackupStorageLocation = Custom<
  'velero.io/v1',
  'BackupStorageLocation',
  {
    provider: string;
    default?: boolean;
    accessMode?: 'ReadWrite' | 'ReadOnly';
    objectStorage: { bucket: string; prefix?: string };
    config?: Record<string, string>;
    credential?: { name: string; key: string };
  }
>;

/** Velero's Schedule, with the backup template the baseline fills in. */
export type IVeleroSchedule = Custom<
  'velero.io/v1',
  'Schedule',
  {
    schedule: string;
    useOwnerReferencesInBackup?: boolean;
    template: {
      includedNamespaces?: string[];
      excludedNamespaces?: string[];
      storageLocation?: string;
      ttl?: string;
      snapshotMoveData?: boolean;
    };
  }
>;

/** A Crossplane package (provider). */
export type ICrossplaneProvider = Custom<
  'pkg.crossplane.io/v1',
  'Provider',
  {
    package: string;
    packagePullPolicy?: 'IfNotPresent' | 'Always' | 'Never';
    revisionActivationPolicy?: 'Automatic' | 'Manual';
    revisionHistoryLimit?: number;
    runtimeConfigRef?: { apiVersion?: string; kind?: string; name: string };
  }
>;

/** Crossplane's DeploymentRuntimeConfig: how a provider's Deployment runs. */
export type IDeploymentRuntimeConfig = Custom<
  'pkg.crossplane.io/v1beta1',
  'DeploymentRuntimeConfig',
  {
    deploymentTemplate?: {
      spec?: {
        selector: Record<string, unknown>;
        template: {
          spec?: {
            containers: Array<{ name: string; args?: string[] }>;
          };
        };
      };
    };
    serviceAccountTemplate?: { metadata?: { name?: string } };
  }
>;

/** provider-kubernetes's ProviderConfig. */
export type IKubernetesProviderConfig = Custom<
  'kubernetes.crossplane.io/v1alpha1',
  'ProviderConfig',
  { credentials: { source: 'InjectedIdentity' | 'Secret' | 'None' } }
>;

/** The AWS provider's ProviderConfig. */
export type IAwsProviderConfig = Custom<
  'aws.upbound.io/v1beta1',
  'ProviderConfig',
  { credentials: { source: string } }
>;

/** Crossplane's CompositeResourceDefinition. */
export type ICompositeResourceDefinition = Custom<
  'apiextensions.crossplane.io/v1',
  'CompositeResourceDefinition',
  {
    group: string;
    names: { kind: string; plural: string };
    claimNames?: { kind: string; plural: string };
    defaultCompositeDeletePolicy?: 'Background' | 'Foreground';
    versions: Array<{
      name: string;
      served: boolean;
      referenceable: boolean;
      schema?: { openAPIV3Schema: JsonSchema };
    }>;
  }
>;

type LinkerdRef = { group: string; kind: string; name: string };

/** Linkerd's Server (a port of some pods, with its default policy). */
export type ILinkerdServer = Custom<
  'policy.linkerd.io/v1beta3',
  'Server',
  {
    podSelector: { matchLabels: Record<string, string> };
    port: string | number;
    proxyProtocol?: string;
    accessPolicy?: string;
  }
>;

/** Linkerd's MeshTLSAuthentication. */
export type IMeshTLSAuthentication = Custom<
  'policy.linkerd.io/v1alpha1',
  'MeshTLSAuthentication',
  { identities: string[] }
>;

/** Linkerd's AuthorizationPolicy. */
export type ILinkerdAuthorizationPolicy = Custom<
  'policy.linkerd.io/v1alpha1',
  'AuthorizationPolicy',
  { targetRef: LinkerdRef; requiredAuthenticationRefs: LinkerdRef[] }
>;

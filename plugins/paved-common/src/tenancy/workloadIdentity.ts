/**
 * Workload identity: how a tenant's Pods get cloud credentials without
 * keys, one ServiceAccount per tenant namespace bound to a cloud identity.
 * The format of the identity depends on the provider; each is checked here
 * so that the form, the action and the docs agree.
 */

/** @public */
export const WORKLOAD_IDENTITY_PROVIDERS = ['aws-eks', 'gke', 'aks'] as const;

/** @public */
export type WorkloadIdentityProvider =
  (typeof WORKLOAD_IDENTITY_PROVIDERS)[number];

/** @public */
export interface WorkloadIdentityFormat {
  provider: WorkloadIdentityProvider;
  /** What the provider calls it. */
  mechanism: string;
  /** The ServiceAccount annotation that carries the identity. */
  annotation: string;
  /** Labels the ServiceAccount and the Pods using it need. */
  podLabels: Record<string, string>;
  pattern: RegExp;
  /** The expected shape, for error messages and the form. */
  example: string;
}

const GUID =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** @public */
export const WORKLOAD_IDENTITY_FORMATS: Readonly<
  Record<WorkloadIdentityProvider, WorkloadIdentityFormat>
> = {
  'aws-eks': {
    provider: 'aws-eks',
    mechanism: 'IAM roles for service accounts (IRSA)',
    annotation: 'eks.amazonaws.com/role-arn',
    podLabels: {},
    // Partition, 12-digit account, optional path, role name of up to 64.
    pattern:
      /^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role\/(?:[\x21-\x7e]{0,510}\/)?[\w+=,.@-]{1,64}$/,
    example: 'arn:aws:iam::123456789012:role/orders-app',
  },
  gke: {
    provider: 'gke',
    mechanism: 'GKE Workload Identity',
    annotation: 'iam.gke.io/gcp-service-account',
    podLabels: {},
    // Account id 6-30, project id 6-30 (lower case, digits, hyphens).
    pattern:
      /^[a-z][-a-z0-9]{4,28}[a-z0-9]@[a-z][-a-z0-9]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com$/,
    example: 'orders-app@my-project.iam.gserviceaccount.com',
  },
  aks: {
    provider: 'aks',
    mechanism: 'Azure Workload Identity',
    annotation: 'azure.workload.identity/client-id',
    podLabels: { 'azure.workload.identity/use': 'true' },
    pattern: GUID,
    example: '00000000-0000-0000-0000-000000000000',
  },
};

/** @public */
export function isWorkloadIdentityProvider(
  value: unknown,
): value is WorkloadIdentityProvider {
  return (WORKLOAD_IDENTITY_PROVIDERS as readonly unknown[]).includes(value);
}

/**
 * Why `identity` is not a valid identity for `provider`, or undefined when
 * it is. An AWS path segment with `//` or a role name over 64 characters is
 * refused like any other malformed ARN.
 *
 * @public
 */
export function workloadIdentityProblem(
  provider: WorkloadIdentityProvider,
  identity: unknown,
): string | undefined {
  const f = WORKLOAD_IDENTITY_FORMATS[provider];
  if (typeof identity !== 'string' || !f.pattern.test(identity)) {
    return `${JSON.stringify(identity)} is not a ${
      f.mechanism
    } identity; expected the form ${f.example}`;
  }
  if (provider === 'aws-eks' && identity.includes('//')) {
    return `${JSON.stringify(identity)} has an empty IAM path segment`;
  }
  return undefined;
}

/** The Azure tenant (directory) id, when given, is a GUID as well. @public */
export function isAzureTenantId(value: unknown): boolean {
  return typeof value === 'string' && GUID.test(value);
}

import { WORKLOAD_IDENTITY_FORMATS } from '@paved/plugin-paved-common';
import { KubeObject } from '../types';
import { TenantWorkloadIdentity } from './inputs';

export const defaultWorkloadServiceAccount = (tenant: string) =>
  `${tenant}-workload`;

/**
 * The tenant's workload ServiceAccount in one namespace, annotated with the
 * cloud identity its Pods assume (IRSA, GKE Workload Identity, Azure
 * Workload Identity). The cloud side (the role's trust policy, the IAM
 * binding, the federated credential) is the platform team's, and the
 * tenant README lists it.
 */
export function workloadServiceAccount(
  wi: TenantWorkloadIdentity,
  tenant: string,
  namespace: string,
  labels: Record<string, string>,
): KubeObject {
  const f = WORKLOAD_IDENTITY_FORMATS[wi.provider];
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: wi.serviceAccountName ?? defaultWorkloadServiceAccount(tenant),
      namespace,
      labels: { ...labels, ...f.podLabels },
      annotations: {
        [f.annotation]: wi.identity,
        ...(wi.provider === 'aks' && wi.azureTenantId
          ? { 'azure.workload.identity/tenant-id': wi.azureTenantId }
          : {}),
      },
    },
  };
}

/** What the platform team sets up in the cloud for the ServiceAccounts, per namespace. */
export function cloudSideSteps(
  wi: TenantWorkloadIdentity,
  tenant: string,
  namespaces: string[],
): string[] {
  const sa = wi.serviceAccountName ?? defaultWorkloadServiceAccount(tenant);
  const subjects = namespaces.map(ns => `system:serviceaccount:${ns}:${sa}`);
  switch (wi.provider) {
    case 'aws-eks':
      return [
        `The trust policy of \`${
          wi.identity
        }\` allows \`sts:AssumeRoleWithWebIdentity\` from the cluster's OIDC provider for ${subjects
          .map(s => `\`${s}\``)
          .join(', ')}.`,
      ];
    case 'gke': {
      const project = wi.identity.split('@')[1].split('.')[0];
      return namespaces.map(
        ns =>
          `\`gcloud iam service-accounts add-iam-policy-binding ${wi.identity} --role roles/iam.workloadIdentityUser --member "serviceAccount:${project}.svc.id.goog[${ns}/${sa}]"\` (the cluster's workload pool may be another project's).`,
      );
    }
    case 'aks':
      return [
        `The managed identity or app \`${
          wi.identity
        }\` has a federated credential for the cluster's OIDC issuer per subject: ${subjects
          .map(s => `\`${s}\``)
          .join(', ')}.`,
      ];
    default:
      return [];
  }
}

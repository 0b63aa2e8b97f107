import { TenantInput } from '../render/tenant';

/**
 * Tenants the tests share. `ordersTenant` is also pinned by the render
 * golden: changing it changes golden.json.
 */
export const ordersTenant: TenantInput = {
  name: 'orders',
  team: 'orders-team',
  project: 'shop',
  costCenter: 'cc-7',
  tier: 2,
  environments: ['dev', 'prod'],
  quota: {
    cpu: '4',
    memory: '8Gi',
    pods: 20,
    storage: '100Gi',
    objects: { services: 10, secrets: 30 },
  },
  defaults: {
    cpuRequest: '100m',
    cpuLimit: '500m',
    memoryRequest: '128Mi',
    memoryLimit: '256Mi',
  },
  groups: { admin: 'orders-admins', developer: 'orders-devs' },
  gitops: 'argocd',
  allowedEgress: [{ cidr: '10.20.0.0/16', ports: [5432] }],
  monthlyBudget: 1500,
  cluster: 'paved-local',
};

/** A tier 3 tenant delivered through Flux. */
export const acmeTenant: TenantInput = {
  name: 'acme',
  team: 'acme',
  project: 'shop',
  costCenter: 'cc-1',
  tier: 3,
  environments: ['dev', 'prod'],
  quota: { cpu: '4', memory: '8Gi', pods: 20 },
  defaults: {
    cpuRequest: '100m',
    cpuLimit: '500m',
    memoryRequest: '128Mi',
    memoryLimit: '256Mi',
  },
  groups: { admin: 'acme-admins', developer: 'acme-developers' },
  gitops: 'flux',
  gitopsRepoUrl: 'https://git.example.com/acme.git',
};

import { renderClusterBaseline } from '../render/cluster';
import { tierChoiceDefaults } from '../render/choices';
import { crdOwnerOf } from './crdOwners';

const baseline = (mesh: 'istio' | 'linkerd', gitops: 'argocd' | 'flux') =>
  renderClusterBaseline({
    name: 'prod-eu-1',
    tier: gitops === 'flux' ? 2 : 5,
    team: 'platform',
    project: 'paved',
    costCenter: 'cc-1',
    teams: ['payments'],
    environments: ['dev', 'prod'],
    domain: 'example.com',
    region: 'eu-west-1',
    gitopsRepoUrl: 'https://github.com/example/gitops.git',
    image: `ghcr.io/example/app@sha256:${'a'.repeat(64)}`,
    quota: { cpu: '8', memory: '16Gi', pods: 50 },
    defaults: {
      cpuRequest: '100m',
      cpuLimit: '500m',
      memoryRequest: '128Mi',
      memoryLimit: '512Mi',
    },
    adminGroup: 'platform-admins',
    choices: { ...tierChoiceDefaults(gitops === 'flux' ? 2 : 5), mesh, gitops },
  });

// API groups the API server serves itself; every other dotted group is a CRD's.
const BUILT_IN =
  /^(networking|rbac\.authorization|apiextensions|admissionregistration|storage|scheduling|node|coordination|discovery|events|certificates|flowcontrol\.apiserver)\.k8s\.io\//;

describe('crdOwnerOf', () => {
  it('names the installing component for every custom API group the baselines emit', () => {
    const groups = new Set(
      [
        baseline('istio', 'argocd'),
        baseline('linkerd', 'argocd'),
        baseline('istio', 'flux'),
      ]
        .flat()
        .flatMap(f => f.objects ?? [])
        .map(o => String(o.apiVersion))
        .filter(v => v.includes('.') && !BUILT_IN.test(v)),
    );
    expect(groups.size).toBeGreaterThan(5);
    const unknown = [...groups].filter(v =>
      crdOwnerOf(v).startsWith('the CRD of group'),
    );
    expect(unknown).toEqual([]);
  });

  it('points claims of unknown groups at their XRD, and core kinds at the apiVersion', () => {
    expect(crdOwnerOf('database.example.org/v1alpha1')).toMatch(
      /CompositeResourceDefinition that offers it/,
    );
    expect(crdOwnerOf('v1')).toMatch(/core kind/);
    expect(crdOwnerOf('kyverno.io/v1')).toMatch(/^Kyverno/);
    expect(crdOwnerOf('s3.aws.upbound.io/v1beta1')).toMatch(
      /Crossplane provider/,
    );
  });
});

import { KubeObject } from '../types';
import { ResourceRegistry } from './registry';
import { compareKubeVersions } from './versionPriority';

describe('ResourceRegistry', () => {
  it('knows the built-in kinds', () => {
    const r = new ResourceRegistry();
    for (const [g, v, plural] of [
      ['', 'v1', 'pods'],
      ['', 'v1', 'secrets'],
      ['apps', 'v1', 'deployments'],
      ['batch', 'v1', 'cronjobs'],
      ['autoscaling', 'v2', 'horizontalpodautoscalers'],
      ['policy', 'v1', 'poddisruptionbudgets'],
      ['networking.k8s.io', 'v1', 'networkpolicies'],
      ['rbac.authorization.k8s.io', 'v1', 'clusterrolebindings'],
      ['apiextensions.k8s.io', 'v1', 'customresourcedefinitions'],
      ['metrics.k8s.io', 'v1beta1', 'pods'],
    ]) {
      expect(r.find(g, v, plural)).toBeDefined();
    }
    expect(r.findByKind('apps/v1', 'Deployment')?.plural).toBe('deployments');
  });

  it('prefers the highest-priority version of a group', () => {
    const autoscaling = new ResourceRegistry()
      .groups()
      .find(g => g.name === 'autoscaling');
    expect(autoscaling?.versions).toEqual(['v2', 'v1']);
  });

  it('registers and unregisters CRD kinds', () => {
    const r = new ResourceRegistry();
    const crd: KubeObject = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'applications.argoproj.io' },
      spec: {
        group: 'argoproj.io',
        scope: 'Namespaced',
        names: {
          kind: 'Application',
          plural: 'applications',
          singular: 'application',
          shortNames: ['app'],
        },
        versions: [
          {
            name: 'v1alpha1',
            served: true,
            storage: true,
            subresources: { status: {} },
          },
          { name: 'v1beta0', served: false, storage: false },
        ],
      },
    };
    expect(r.registerCrd(crd)).toHaveLength(1);
    expect(r.find('argoproj.io', 'v1alpha1', 'applications')).toMatchObject({
      kind: 'Application',
      listKind: 'ApplicationList',
      namespaced: true,
      subresources: ['status'],
      fromCrd: 'applications.argoproj.io',
    });
    expect(r.find('argoproj.io', 'v1beta0', 'applications')).toBeUndefined();
    r.unregisterCrd('applications.argoproj.io');
    expect(r.hasGroupVersion('argoproj.io', 'v1alpha1')).toBe(false);
  });
});

describe('compareKubeVersions', () => {
  it('orders GA > beta > alpha, higher first', () => {
    expect(
      ['v1alpha1', 'v1beta1', 'v2', 'v1', 'v2beta2', 'foo', 'v10'].sort(
        compareKubeVersions,
      ),
    ).toEqual(['v10', 'v2', 'v1', 'v2beta2', 'v1beta1', 'v1alpha1', 'foo']);
  });
});

import {
  GitOpsAnnotationError,
  readArgoCdAnnotations,
  refMatches,
  trackingRefsOf,
} from './annotations';

describe('readArgoCdAnnotations', () => {
  it('reads the Roadie Argo CD plugin annotations', () => {
    expect(
      readArgoCdAnnotations({
        'argocd/app-name': 'checkout-web, checkout-web-assets,checkout-web',
        'argocd/app-selector': 'app.kubernetes.io/part-of=storefront',
        'argocd/app-namespace': 'argocd',
      }),
    ).toEqual({
      appNames: ['checkout-web', 'checkout-web-assets'],
      appSelector: 'app.kubernetes.io/part-of=storefront',
      appNamespace: 'argocd',
    });
    expect(readArgoCdAnnotations({})).toEqual({ appNames: [] });
  });

  it('names the annotation and the value it cannot read', () => {
    expect(() =>
      readArgoCdAnnotations({ 'argocd/app-name': 'ok,Not_A_Name' }),
    ).toThrow(/'Not_A_Name' in annotation argocd\/app-name/);
    expect(() =>
      readArgoCdAnnotations({ 'argocd/app-selector': 'a=b&limit=1' }),
    ).toThrow(GitOpsAnnotationError);
    expect(() =>
      readArgoCdAnnotations({ 'argocd/app-namespace': 'Argo CD' }),
    ).toThrow(/argocd\/app-namespace is not a namespace name: 'Argo CD'/);
  });
});

describe('trackingRefsOf', () => {
  it('reads Argo CD label and annotation tracking and Flux labels', () => {
    expect(
      trackingRefsOf({
        metadata: {
          labels: {
            'argocd.argoproj.io/instance': 'payments-api',
            'kustomize.toolkit.fluxcd.io/name': 'apps',
            'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
            'helm.toolkit.fluxcd.io/name': 'redis',
            'helm.toolkit.fluxcd.io/namespace': 'payments',
          },
          annotations: {
            'argocd.argoproj.io/tracking-id':
              'team-apps_payments-api:apps/Deployment:payments/payments-api',
          },
        },
      }),
    ).toEqual([
      { kind: 'Application', namespace: 'team-apps', name: 'payments-api' },
      { kind: 'Application', name: 'payments-api' },
      { kind: 'Kustomization', namespace: 'flux-system', name: 'apps' },
      { kind: 'HelmRelease', namespace: 'payments', name: 'redis' },
    ]);
  });

  it('skips values the controllers would not write, and half a Flux pair', () => {
    expect(
      trackingRefsOf({
        metadata: {
          labels: {
            'argocd.argoproj.io/instance': 'a_b_c',
            'kustomize.toolkit.fluxcd.io/name': 'apps',
          },
        },
      }),
    ).toEqual([]);
    expect(trackingRefsOf({})).toEqual([]);
  });

  it('matches a reference without namespace in any namespace', () => {
    const obj = { kind: 'Application', namespace: 'argocd', name: 'x' };
    expect(refMatches({ kind: 'Application', name: 'x' }, obj)).toBe(true);
    expect(
      refMatches({ kind: 'Application', namespace: 'other', name: 'x' }, obj),
    ).toBe(false);
    expect(refMatches({ kind: 'Kustomization', name: 'x' }, obj)).toBe(false);
  });
});

import { addonContext, renderClusterBaseline } from '../cluster';
import { allBaselines, clusterInput } from '../../__testUtils__/clusterInputs';
import { readApplyOrder } from './addonFiles';
import { addonsFor } from './addons';
import { installPlan, InstallStep, WAVES } from './installPlan';

/** What a plan applies, in order: add-on ids and file paths, as the README names them. */
const order = (plan: InstallStep[]) =>
  plan.flatMap(s =>
    s.type === 'bootstrap' || s.type === 'addon' ? [s.addon.id] : s.files,
  );

describe('install plan', () => {
  it.each(allBaselines())(
    '%s: the README lists the plan in its order',
    (_name, input) => {
      const files = renderClusterBaseline(input);
      const readme = files.find(f => f.path === 'README.md')!.content;
      const plan = installPlan(files, addonsFor(addonContext(input)));
      expect(readApplyOrder(readme)).toEqual(order(plan));
    },
  );

  it('tier 2 without GitOps: namespaces, tenancy, add-ons each after what it needs, their configuration, then workloads', () => {
    const input = clusterInput(2);
    const files = renderClusterBaseline(input);
    const plan = installPlan(files, addonsFor(addonContext(input)));
    expect(
      plan.map(s =>
        s.type === 'addon'
          ? `addon ${s.addon.id}`
          : `${s.type} ${'wave' in s ? s.wave : ''}`,
      ),
    ).toEqual([
      `apply ${WAVES.namespaces}`,
      `apply ${WAVES.tenancy}`,
      'addon metrics-server',
      'addon ingress-nginx',
      'addon cert-manager',
      'addon sealed-secrets',
      'addon kube-prometheus-stack',
      'addon kyverno',
      'addon velero',
      `apply ${WAVES.config}`,
      `apply ${WAVES.workloads}`,
    ]);
    const readme = files.find(f => f.path === 'README.md')!.content;
    expect(readme).toContain(
      'helm upgrade --install kyverno kyverno --repo https://kyverno.github.io/kyverno --version 3.2.7 --namespace kyverno --values platform/kyverno/values.yaml --wait',
    );
  });

  it('Argo CD: every object carries the wave the plan gives it, custom resources skip the dry run', () => {
    const input = clusterInput(3);
    const files = renderClusterBaseline(input);
    const ann = (path: string, kind: string) =>
      files.find(f => f.path === path)!.objects!.find(o => o.kind === kind)!
        .metadata.annotations!;
    expect(
      ann('manifests/namespaces.yaml', 'Namespace')[
        'argocd.argoproj.io/sync-wave'
      ],
    ).toBe('-2');
    expect(
      ann('manifests/platform/gateway-api-crds.yaml', 'Application')[
        'argocd.argoproj.io/sync-wave'
      ],
    ).toBe('1');
    expect(
      ann('manifests/platform/istiod.yaml', 'Application')[
        'argocd.argoproj.io/sync-wave'
      ],
    ).toBe('2');
    expect(ann('manifests/policies/kyverno.yaml', 'ClusterPolicy')).toEqual({
      ...ann('manifests/policies/kyverno.yaml', 'ClusterPolicy'),
      'argocd.argoproj.io/sync-wave': '10',
      'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true',
    });
    expect(
      ann('manifests/sample-app/deployment.yaml', 'Deployment')[
        'argocd.argoproj.io/sync-wave'
      ],
    ).toBe('20');
  });

  it('Flux: one stage per wave, add-ons too, so no stage dry-runs a kind an earlier stage has not installed', () => {
    const input = clusterInput(2, { gitops: 'flux', mesh: 'linkerd' });
    const files = renderClusterBaseline(input);
    const plan = installPlan(files, addonsFor(addonContext(input)));
    const stage = (wave: number) =>
      files.find(
        f =>
          f.path ===
          `flux/wave-${wave < 0 ? `m${-wave}` : wave}/kustomization.yaml`,
      )!.content;
    const expected = plan.flatMap(s => {
      if (s.type === 'addon')
        return [
          [s.wave, `../../manifests/platform/${s.addon.id}.yaml`] as const,
        ];
      if (s.type === 'apply')
        return s.files.map(f => [s.wave, `../../${f}`] as const);
      return [];
    });
    expect(expected.filter(([w, f]) => !stage(w).includes(f))).toEqual([]);
    // cert-manager's kinds (linkerd-identity's Certificates) come a stage after cert-manager itself.
    const wave = (id: string) =>
      (plan.find(s => s.type === 'addon' && s.addon.id === id) as any).wave;
    expect(wave('linkerd-identity')).toBeGreaterThan(wave('cert-manager'));
    expect(stage(wave('cert-manager'))).not.toContain('linkerd-identity');
  });
});

import { gitopsStatusOf, summarizeGitOps } from './status';

const app = (status: any, extra: any = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'shop', namespace: 'argocd' },
  spec: {
    source: {
      repoURL: 'https://git.example/shop.git',
      path: 'apps/shop',
      targetRevision: 'main',
    },
  },
  status,
  ...extra,
});

const flux = (kind: string, status: any, spec: any = {}) => ({
  kind,
  metadata: { name: 'apps', namespace: 'flux-system' },
  spec,
  status,
});

const signals = (o: { problems: { signal: string }[] }) =>
  o.problems.map(p => p.signal);

describe('Argo CD Applications', () => {
  it('a synced, healthy Application has no problems and keeps revision, time and source', () => {
    const s = gitopsStatusOf(
      'Application',
      app({
        sync: { status: 'Synced', revision: 'abc1234def' },
        health: { status: 'Healthy' },
        operationState: {
          phase: 'Succeeded',
          message: 'successfully synced',
          finishedAt: '2026-11-20T16:12:40Z',
        },
      }),
      ['app-name'],
    );
    expect(s).toEqual({
      tool: 'argocd',
      kind: 'Application',
      namespace: 'argocd',
      name: 'shop',
      sync: 'Synced',
      health: 'Healthy',
      suspended: false,
      revision: 'abc1234def',
      source: 'https://git.example/shop.git apps/shop @ main',
      lastSyncTime: '2026-11-20T16:12:40Z',
      message: 'successfully synced',
      foundBy: ['app-name'],
      problems: [],
    });
  });

  it.each([
    ['OutOfSync', 'Healthy', ['gitops-out-of-sync']],
    ['Synced', 'Degraded', ['gitops-degraded']],
    ['OutOfSync', 'Degraded', ['gitops-degraded', 'gitops-out-of-sync']],
    ['Synced', 'Missing', ['gitops-missing']],
    ['Unknown', 'Missing', ['gitops-missing', 'gitops-unknown']],
    ['Synced', 'Progressing', []],
    ['Unknown', 'Healthy', ['gitops-unknown']],
  ])('%s / %s gives %j', (sync, health, expected) => {
    const s = gitopsStatusOf(
      'Application',
      app({ sync: { status: sync }, health: { status: health } }),
      [],
    );
    expect(s.sync).toBe(sync);
    expect(s.health).toBe(health);
    expect(signals(s)).toEqual(expected);
  });

  it('links out-of-sync and degraded to the gitops-sync-failed runbook', () => {
    const s = gitopsStatusOf(
      'Application',
      app({ sync: { status: 'OutOfSync' }, health: { status: 'Degraded' } }),
      [],
      { runbookEntityRef: 'system:default/platform' },
    );
    for (const p of s.problems) {
      expect(p.runbook).toEqual({
        id: 'gitops-sync-failed',
        title: 'GitOps sync failed',
        url: '/docs/default/system/platform/runbooks/gitops-sync-failed/',
      });
    }
    expect(s.problems.map(p => p.severity)).toEqual(['critical', 'warning']);
    expect(s.problems[0].id).toBe('gitops-degraded:Application:argocd:shop');
  });

  it("a failed sync is a problem with the operation's message", () => {
    const s = gitopsStatusOf(
      'Application',
      app({
        sync: { status: 'OutOfSync' },
        health: { status: 'Healthy' },
        operationState: {
          phase: 'Failed',
          message: 'admission webhook denied the request',
          finishedAt: '2026-11-21T04:08:00Z',
        },
      }),
      [],
    );
    expect(s.message).toBe('admission webhook denied the request');
    expect(signals(s)).toEqual(['gitops-sync-failed', 'gitops-out-of-sync']);
  });

  it('says why Argo CD cannot compare, from its error condition', () => {
    const s = gitopsStatusOf(
      'Application',
      app({
        sync: { status: 'Unknown' },
        health: { status: 'Healthy' },
        conditions: [{ type: 'ComparisonError', message: 'path not found' }],
      }),
      [],
    );
    expect(s.message).toBe('path not found');
    expect(s.problems[0]).toMatchObject({
      reason: 'ComparisonError',
      message: expect.stringContaining('path not found'),
    });
  });

  it('treats a missing or odd status as Unknown rather than failing', () => {
    const s = gitopsStatusOf('Application', app(undefined), []);
    expect([s.sync, s.health]).toEqual(['Unknown', 'Unknown']);
    const odd = gitopsStatusOf(
      'Application',
      app({ sync: { status: 42 }, health: { status: 'Weird' } }),
      [],
    );
    expect([odd.sync, odd.health]).toEqual(['Unknown', 'Unknown']);
  });
});

describe('Flux Kustomizations and HelmReleases', () => {
  const ready = (status: string, reason: string, message = 'm') => ({
    type: 'Ready',
    status,
    reason,
    message,
    lastTransitionTime: '2026-11-21T04:50:00Z',
  });

  it('Ready=True is synced and healthy, with the applied revision', () => {
    const s = gitopsStatusOf(
      'Kustomization',
      flux(
        'Kustomization',
        {
          lastAppliedRevision: 'main@sha1:abc',
          lastAttemptedRevision: 'main@sha1:abc',
          conditions: [ready('True', 'ReconciliationSucceeded', 'Applied')],
        },
        { sourceRef: { kind: 'GitRepository', name: 'fleet' }, path: './apps' },
      ),
      ['tracking'],
    );
    expect(s).toMatchObject({
      tool: 'flux',
      sync: 'Synced',
      health: 'Healthy',
      revision: 'main@sha1:abc',
      source: 'GitRepository fleet ./apps',
      lastSyncTime: '2026-11-21T04:50:00Z',
      message: 'Applied',
      problems: [],
    });
    expect(s.attemptedRevision).toBeUndefined();
  });

  it('Ready=False is out of sync and degraded, with the attempted revision', () => {
    const s = gitopsStatusOf(
      'Kustomization',
      flux('Kustomization', {
        lastAppliedRevision: 'main@sha1:old',
        lastAttemptedRevision: 'main@sha1:new',
        conditions: [ready('False', 'BuildFailed', 'kustomize build failed')],
      }),
      [],
    );
    expect([s.sync, s.health]).toEqual(['OutOfSync', 'Degraded']);
    expect(s.attemptedRevision).toBe('main@sha1:new');
    expect(s.problems).toEqual([
      expect.objectContaining({
        signal: 'gitops-not-ready',
        severity: 'critical',
        reason: 'BuildFailed',
        runbook: expect.objectContaining({ id: 'gitops-sync-failed' }),
      }),
    ]);
  });

  it('a failed health check after a good apply stays in sync but degraded', () => {
    const s = gitopsStatusOf(
      'Kustomization',
      flux('Kustomization', {
        lastAppliedRevision: 'r1',
        lastAttemptedRevision: 'r1',
        conditions: [ready('False', 'HealthCheckFailed')],
      }),
      [],
    );
    expect([s.sync, s.health]).toEqual(['Synced', 'Degraded']);
  });

  it('Stalled is its own, critical problem', () => {
    const s = gitopsStatusOf(
      'Kustomization',
      flux('Kustomization', {
        conditions: [
          ready('False', 'BuildFailed'),
          { type: 'Stalled', status: 'True', reason: 'BuildFailed' },
        ],
      }),
      [],
    );
    expect(signals(s)).toEqual(['gitops-stalled']);
  });

  it('Ready=Unknown is progressing, with no problem', () => {
    const s = gitopsStatusOf(
      'HelmRelease',
      flux('HelmRelease', {
        lastAttemptedRevision: '1.8.3',
        history: [{ chartVersion: '1.8.2' }],
        conditions: [ready('Unknown', 'Progressing')],
      }),
      [],
    );
    expect(s).toMatchObject({
      sync: 'Unknown',
      health: 'Progressing',
      revision: '1.8.2',
      attemptedRevision: '1.8.3',
      problems: [],
    });
  });

  it('no Ready condition is Unknown, a warning', () => {
    const s = gitopsStatusOf('HelmRelease', flux('HelmRelease', {}), []);
    expect([s.sync, s.health]).toEqual(['Unknown', 'Unknown']);
    expect(s.problems.map(p => [p.signal, p.severity])).toEqual([
      ['gitops-unknown', 'warning'],
    ]);
  });

  it('a suspended release says so, as information', () => {
    const s = gitopsStatusOf(
      'HelmRelease',
      flux(
        'HelmRelease',
        { conditions: [ready('True', 'UpgradeSucceeded')] },
        {
          suspend: true,
          chart: {
            spec: {
              chart: 'redis',
              version: '20.x',
              sourceRef: { kind: 'HelmRepository', name: 'bitnami' },
            },
          },
        },
      ),
      [],
    );
    expect(s).toMatchObject({
      suspended: true,
      health: 'Suspended',
      sync: 'Synced',
      source: 'redis@20.x from HelmRepository bitnami',
    });
    expect(s.problems.map(p => [p.signal, p.severity])).toEqual([
      ['gitops-suspended', 'info'],
    ]);
  });
});

describe('summarizeGitOps', () => {
  it('puts the worst object first and collects every problem once', () => {
    const healthy = gitopsStatusOf(
      'Application',
      app({ sync: { status: 'Synced' }, health: { status: 'Healthy' } }),
      [],
    );
    const degraded = gitopsStatusOf(
      'Application',
      app(
        { sync: { status: 'OutOfSync' }, health: { status: 'Degraded' } },
        { metadata: { name: 'broken', namespace: 'argocd' } },
      ),
      [],
    );
    const summary = summarizeGitOps([healthy, degraded], ['HelmRelease']);
    expect(summary.objects.map(o => o.name)).toEqual(['broken', 'shop']);
    expect(summary.problems.map(p => p.signal)).toEqual([
      'gitops-degraded',
      'gitops-out-of-sync',
    ]);
    expect(summary.notServed).toEqual(['HelmRelease']);
  });
});

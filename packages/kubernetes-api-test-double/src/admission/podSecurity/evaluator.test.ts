import { JsonObject } from '../../types';
import { evaluatePod, forbiddenDetail } from './evaluator';
import { LevelVersion } from './policy';

const restricted: LevelVersion = { level: 'restricted', version: 'latest' };
const baseline: LevelVersion = { level: 'baseline', version: 'latest' };

const detail = (lv: LevelVersion, spec: JsonObject, meta: JsonObject = {}) => {
  const r = evaluatePod(lv, meta, spec);
  return r.allowed ? 'allowed' : forbiddenDetail(r);
};

const app = (extra: JsonObject = {}) => ({
  name: 'app',
  image: 'nginx',
  ...extra,
});

const hardened = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
};

describe('Pod Security Standards checks', () => {
  it('reports a bare container against restricted as kube-apiserver does', () => {
    expect(detail(restricted, { containers: [app()] })).toBe(
      'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), ' +
        'runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });

  it('allows a hardened pod (pod-level runAsNonRoot and seccomp are enough)', () => {
    expect(
      detail(restricted, {
        securityContext: {
          runAsNonRoot: true,
          seccompProfile: { type: 'RuntimeDefault' },
        },
        containers: [
          app({
            securityContext: {
              ...hardened,
              capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
            },
          }),
        ],
        volumes: [
          { name: 'cfg', configMap: { name: 'x' } },
          { name: 'tmp', emptyDir: {} },
          { name: 'defaulted' },
        ],
      }),
    ).toBe('allowed');
  });

  it('checks init, regular and ephemeral containers, in that order', () => {
    const spec = {
      securityContext: {
        runAsNonRoot: true,
        seccompProfile: { type: 'Localhost' },
      },
      initContainers: [app({ name: 'init' })],
      containers: [app({ securityContext: hardened })],
      ephemeralContainers: [app({ name: 'debug' })],
    };
    expect(detail(restricted, spec)).toBe(
      'allowPrivilegeEscalation != false (containers "init", "debug" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (containers "init", "debug" must set securityContext.capabilities.drop=["ALL"])',
    );
  });

  it('lists every baseline violation in the real order', () => {
    const spec = {
      hostNetwork: true,
      hostPID: true,
      securityContext: {
        seccompProfile: { type: 'Unconfined' },
        sysctls: [
          { name: 'kernel.shm_rmid_forced', value: '1' },
          { name: 'kernel.msgmax', value: '1' },
        ],
        seLinuxOptions: { type: 'spc_t', user: 'root' },
      },
      containers: [
        app({
          ports: [{ containerPort: 80, hostPort: 8080 }],
          securityContext: {
            privileged: true,
            capabilities: { add: ['NET_ADMIN', 'CHOWN', 'SYS_ADMIN'] },
            procMount: 'Unmasked',
            appArmorProfile: { type: 'Unconfined' },
          },
        }),
      ],
      volumes: [{ name: 'host', hostPath: { path: '/' } }],
    };
    expect(detail(baseline, spec)).toBe(
      'forbidden AppArmor profile (container "app" must not set AppArmor profile type to "Unconfined"), ' +
        'non-default capabilities (container "app" must not include "NET_ADMIN", "SYS_ADMIN" in securityContext.capabilities.add), ' +
        'host namespaces (hostNetwork=true, hostPID=true), ' +
        'hostPath volumes (volume "host"), ' +
        'hostPort (container "app" uses hostPort 8080), ' +
        'privileged (container "app" must not set securityContext.privileged=true), ' +
        'procMount (container "app" must not set securityContext.procMount to "Unmasked"), ' +
        'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set), ' +
        'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined"), ' +
        'forbidden sysctls (kernel.msgmax)',
    );
  });

  it('replaces baseline checks with their restricted versions', () => {
    const spec = {
      securityContext: { runAsNonRoot: true, runAsUser: 0 },
      containers: [
        app({
          securityContext: {
            ...hardened,
            capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] },
            seccompProfile: { type: 'Unconfined' },
          },
        }),
      ],
      volumes: [
        { name: 'host', hostPath: { path: '/' } },
        { name: 'share', nfs: { server: 'x', path: '/' } },
      ],
    };
    expect(detail(restricted, spec)).toBe(
      'unrestricted capabilities (container "app" must not include "SYS_ADMIN" in securityContext.capabilities.add), ' +
        'restricted volume types (volumes "host", "share" use restricted volume types "hostPath", "nfs"), ' +
        'runAsUser=0 (pod must not set runAsUser=0), ' +
        'seccompProfile (container "app" must not set securityContext.seccompProfile.type to "Unconfined")',
    );
  });

  it('reports explicit runAsNonRoot=false before missing ones', () => {
    expect(
      detail(restricted, {
        securityContext: {
          runAsNonRoot: false,
          seccompProfile: { type: 'RuntimeDefault' },
        },
        containers: [
          app({ securityContext: { ...hardened, runAsNonRoot: false } }),
        ],
      }),
    ).toBe(
      'runAsNonRoot != true (pod and container "app" must not set securityContext.runAsNonRoot=false)',
    );
  });

  it('evaluates the checks of the version asked for', () => {
    const spec = {
      securityContext: { runAsNonRoot: true },
      containers: [
        app({
          securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { add: ['SYS_ADMIN'] },
            runAsUser: 0,
          },
        }),
      ],
    };
    // v1.18: no seccomp fields yet, capabilities checked as in baseline, no runAsUser check.
    expect(detail({ level: 'restricted', version: 18 }, spec)).toBe(
      'non-default capabilities (container "app" must not include "SYS_ADMIN" in securityContext.capabilities.add)',
    );
    expect(
      detail(
        { level: 'baseline', version: 18 },
        { containers: [app()] },
        {
          annotations: {
            'seccomp.security.alpha.kubernetes.io/pod': 'unconfined',
          },
        },
      ),
    ).toBe(
      'seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")',
    );
    // Newer than the double's v1.30 means v1.30.
    expect(detail({ level: 'restricted', version: 99 }, spec)).toBe(
      detail(restricted, spec),
    );
  });

  it('leaves Windows pods out of the Linux-only restricted checks', () => {
    const spec = {
      os: { name: 'windows' },
      securityContext: { runAsNonRoot: true },
      containers: [app()],
    };
    expect(detail(restricted, spec)).toBe('allowed');
    expect(detail({ level: 'restricted', version: 24 }, spec)).toMatch(
      /^allowPrivilegeEscalation != false/,
    );
  });

  it('allows everything at privileged', () => {
    expect(
      detail(
        { level: 'privileged', version: 'latest' },
        {
          hostNetwork: true,
          containers: [app({ securityContext: { privileged: true } })],
        },
      ),
    ).toBe('allowed');
  });
});

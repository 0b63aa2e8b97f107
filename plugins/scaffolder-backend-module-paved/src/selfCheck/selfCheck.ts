import {
  admissionViolations,
  evaluateFlow,
  NetworkPolicyLike,
  PodEndpoint,
  TierNumber,
} from '@paved/plugin-paved-common';
import { AddonContext, Addon } from '../render/platform/addonTypes';
import { addonWaves, KUBERNETES_NAMESPACES } from '../render/platform/addons';
import {
  isBuiltinApiVersion,
  isDerivedKind,
  waveOf,
} from '../render/platform/installPlan';
import {
  ingressSource,
  meshControlPlane,
  scrapeSource,
} from '../render/platform/networkAccess';
import { KubeObject, RenderedFile } from '../render/types';

/** One way a baseline would not converge, for people. */
export type SelfCheckProblem = {
  check:
    | 'controllers'
    | 'prerequisites'
    | 'admission'
    | 'network'
    | 'ownership';
  message: string;
};

type Placed = { file: string; object: KubeObject; wave: number };

const describe = (o: KubeObject) =>
  `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${
    o.metadata.name
  }`;

function placed(files: RenderedFile[], addons: Addon[]): Placed[] {
  const waves = addonWaves(addons);
  return files.flatMap(f =>
    (f.objects ?? [])
      .filter(() => f.validateAs !== 'crossplane-claim')
      .map(object => ({
        file: f.path,
        object,
        // GitOps hand-over files are applied by hand right after the bootstrap.
        wave:
          f.path.startsWith('manifests/gitops/') && !f.path.endsWith('set.yaml')
            ? 0
            : waveOf(f.path, object, waves),
      })),
  );
}

/**
 * Every custom kind is served by an add-on of this baseline installed in an
 * earlier wave (the GitOps engine before everything), or created at run time
 * by an earlier object of the baseline (a Gatekeeper template, a Crossplane
 * provider package).
 */
export function controllerProblems(
  objects: Placed[],
  addons: Addon[],
): SelfCheckProblem[] {
  const waves = addonWaves(addons);
  const out: SelfCheckProblem[] = [];
  for (const { file, object, wave } of objects) {
    if (isBuiltinApiVersion(object.apiVersion)) continue;
    const [group, version] = object.apiVersion.split('/');
    if (isDerivedKind(object.apiVersion)) {
      const maker =
        group === 'constraints.gatekeeper.sh'
          ? objects.find(
              p =>
                p.object.kind === 'ConstraintTemplate' &&
                p.wave < wave &&
                (p.object as any).spec?.crd?.spec?.names?.kind === object.kind,
            )
          : objects.find(p => p.object.kind === 'Provider' && p.wave < wave);
      if (!maker)
        out.push({
          check: 'controllers',
          message: `${describe(
            object,
          )} (${file}): nothing earlier in the baseline creates kind ${
            object.apiVersion
          } ${object.kind}`,
        });
      continue;
    }
    const server = addons.find(a =>
      a.serves.some(
        k =>
          k.group === group && k.version === version && k.kind === object.kind,
      ),
    );
    if (!server) {
      out.push({
        check: 'controllers',
        message: `${describe(
          object,
        )} (${file}): no add-on of this baseline serves ${object.apiVersion} ${
          object.kind
        }`,
      });
    } else if (
      !server.bootstrap &&
      (waves.get(server.id) ?? Infinity) >= wave
    ) {
      out.push({
        check: 'controllers',
        message: `${describe(
          object,
        )} (${file}) is applied in wave ${wave}, but ${
          server.id
        }, which serves its kind, installs in wave ${waves.get(server.id)}`,
      });
    }
  }
  return out;
}

const matchesLabels = (
  labels: Record<string, string>,
  selector: { matchLabels?: Record<string, string> } | undefined,
) =>
  Object.entries(selector?.matchLabels ?? {}).every(
    ([k, v]) => labels[k] === v,
  );

/**
 * The Secrets and ConfigMaps an object of the baseline makes exist once its
 * controller runs: a Certificate its `spec.secretName` in its namespace
 * (cert-manager), a Bundle its target ConfigMap, named after it, in every
 * namespace its selector matches (trust-manager), and a plain Secret or
 * ConfigMap itself.
 */
function produced(
  p: Placed,
  namespaces: Map<string, Record<string, string>>,
): Array<{ kind: 'Secret' | 'ConfigMap'; namespace: string; name: string }> {
  const o = p.object as any;
  if (o.apiVersion === 'v1' && (o.kind === 'Secret' || o.kind === 'ConfigMap'))
    return [
      { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name },
    ];
  if (o.apiVersion.startsWith('cert-manager.io/') && o.kind === 'Certificate')
    return o.spec?.secretName
      ? [
          {
            kind: 'Secret',
            namespace: o.metadata.namespace,
            name: o.spec.secretName,
          },
        ]
      : [];
  if (
    o.apiVersion.startsWith('trust.cert-manager.io/') &&
    o.kind === 'Bundle'
  ) {
    const target = o.spec?.target ?? {};
    const out: ReturnType<typeof produced> = [];
    for (const [ns, labels] of namespaces) {
      if (!matchesLabels(labels, target.namespaceSelector)) continue;
      if (target.configMap)
        out.push({ kind: 'ConfigMap', namespace: ns, name: o.metadata.name });
      if (target.secret)
        out.push({ kind: 'Secret', namespace: ns, name: o.metadata.name });
    }
    return out;
  }
  return [];
}

/**
 * Every Secret or ConfigMap an add-on's pods need (`requires`) is produced
 * by an object of the baseline applied in an earlier wave; otherwise the
 * pods never start and the add-on never converges.
 */
export function prerequisiteProblems(
  objects: Placed[],
  addons: Addon[],
): SelfCheckProblem[] {
  const waves = addonWaves(addons);
  // Namespaces with the label the API server adds to each (kubernetes.io/metadata.name).
  const namespaces = new Map<string, Record<string, string>>(
    KUBERNETES_NAMESPACES.map(n => [n, {}]),
  );
  for (const p of objects)
    if (p.object.kind === 'Namespace')
      namespaces.set(p.object.metadata.name, p.object.metadata.labels ?? {});
  for (const [n, labels] of namespaces)
    namespaces.set(n, { ...labels, 'kubernetes.io/metadata.name': n });
  const out: SelfCheckProblem[] = [];
  for (const a of addons) {
    const wave = a.bootstrap ? 0 : waves.get(a.id) ?? 0;
    for (const r of a.requires ?? []) {
      const maker = objects.find(
        p =>
          p.wave < wave &&
          produced(p, namespaces).some(
            x =>
              x.kind === r.kind &&
              x.namespace === r.namespace &&
              x.name === r.name,
          ),
      );
      if (!maker)
        out.push({
          check: 'prerequisites',
          message: `add-on ${a.id} (wave ${wave}) needs ${r.kind} ${r.namespace}/${r.name} before its pods can start, but nothing earlier in the install plan produces it`,
        });
    }
  }
  return out;
}

/** The tier's own admission rules admit the baseline's own objects. */
export function admissionProblems(
  objects: Placed[],
  tier: TierNumber,
): SelfCheckProblem[] {
  const namespaces = new Map(
    objects
      .filter(p => p.object.kind === 'Namespace')
      .map(p => [p.object.metadata.name, p.object.metadata.labels ?? {}]),
  );
  const kyverno = objects.some(
    p =>
      p.object.kind === 'ClusterPolicy' &&
      p.object.apiVersion.startsWith('kyverno.io/'),
  );
  if (!kyverno) return [];
  return objects.flatMap(({ object }) =>
    admissionViolations(
      object as any,
      tier,
      namespaces.get(object.metadata.namespace ?? '') ?? {},
    ).map(v => ({
      check: 'admission' as const,
      message: `${v.object} would be refused by ${
        v.policyName
      }: ${v.messages.join('; ')}`,
    })),
  );
}

const podOf = (
  namespace: string,
  labels: Record<string, string>,
  namespaces: Map<string, Record<string, string>>,
  namedPorts?: PodEndpoint['namedPorts'],
): PodEndpoint => ({
  kind: 'pod',
  namespace,
  namespaceLabels: namespaces.get(namespace) ?? {},
  podLabels: labels,
  ...(namedPorts ? { namedPorts } : {}),
});

/**
 * The flows the platform needs reach the baseline's workloads through its
 * own NetworkPolicies, and tenants cannot reach each other.
 */
export function networkProblems(
  objects: Placed[],
  ctx: AddonContext,
): SelfCheckProblem[] {
  const policies = objects
    .filter(p => p.object.kind === 'NetworkPolicy')
    .map(p => p.object as unknown as NetworkPolicyLike);
  if (!policies.length) return [];
  const namespaces = new Map(
    objects
      .filter(p => p.object.kind === 'Namespace')
      .map(p => [p.object.metadata.name, p.object.metadata.labels ?? {}]),
  );
  const out: SelfCheckProblem[] = [];
  const workloads = objects.filter(
    p =>
      p.object.kind === 'Deployment' &&
      p.file.startsWith('manifests/sample-app/'),
  );
  const dns = podOf('kube-system', { 'k8s-app': 'kube-dns' }, namespaces);
  const need = (
    from: PodEndpoint,
    to: PodEndpoint,
    port: number,
    what: string,
    protocol: 'TCP' | 'UDP' = 'TCP',
  ) => {
    const verdict = evaluateFlow(policies, { from, to, port, protocol });
    if (!verdict.allowed)
      out.push({
        check: 'network',
        message: `${what} is blocked: ${verdict.reason}`,
      });
  };
  for (const w of workloads) {
    const spec = (w.object as any).spec.template;
    const ns = w.object.metadata.namespace!;
    const container = spec.spec.containers[0];
    const port = container.ports?.[0]?.containerPort ?? 8080;
    const app = podOf(ns, spec.metadata.labels, namespaces, { http: { port } });
    const source = ingressSource(ctx);
    if (source !== 'cilium-ingress') {
      need(
        podOf(source.namespace, source.podLabels, namespaces),
        app,
        port,
        `Ingress from ${source.namespace} to ${describe(w.object)}`,
      );
    } else if (
      !objects.some(
        p =>
          p.object.kind === 'CiliumNetworkPolicy' &&
          p.object.metadata.namespace === ns,
      )
    ) {
      out.push({
        check: 'network',
        message: `Cilium's gateway cannot reach ${describe(
          w.object,
        )}: no CiliumNetworkPolicy allows the ingress entity in ${ns}`,
      });
    }
    const scraper = scrapeSource(ctx);
    if (scraper)
      need(
        podOf(scraper.namespace, scraper.podLabels, namespaces),
        app,
        port,
        `Prometheus scraping ${describe(w.object)}`,
      );
    need(app, dns, 53, `DNS from ${describe(w.object)}`, 'UDP');
    for (const cp of meshControlPlane(ctx)) {
      need(
        app,
        podOf(cp.namespace, cp.podLabels, namespaces),
        cp.port,
        `The mesh proxy of ${describe(w.object)} reaching ${cp.namespace}`,
      );
    }
  }
  // Tenant isolation: no namespace of one tenant reaches another tenant's.
  const tenantNs = [...namespaces.entries()].filter(
    ([, l]) => l['paved.dev/tenant'],
  );
  for (const [a, la] of tenantNs) {
    for (const [b, lb] of tenantNs) {
      if (la['paved.dev/tenant'] === lb['paved.dev/tenant']) continue;
      const verdict = evaluateFlow(policies, {
        from: podOf(a, { app: 'any' }, namespaces),
        to: podOf(b, { app: 'any' }, namespaces),
        port: 8080,
      });
      if (verdict.allowed)
        out.push({
          check: 'network',
          message: `Tenant namespace ${a} can reach ${b}: ${verdict.reason}`,
        });
    }
  }
  return out;
}

/**
 * No field has two owners: an HPA's target sets no replicas, Argo CD ignores
 * replica drift, no Kyverno rule mutates what GitOps applies, and the teams'
 * AppProject grants nothing cluster-scoped.
 */
export function ownershipProblems(objects: Placed[]): SelfCheckProblem[] {
  const out: SelfCheckProblem[] = [];
  for (const hpa of objects.filter(
    p => p.object.kind === 'HorizontalPodAutoscaler',
  )) {
    const target = (hpa.object as any).spec.scaleTargetRef;
    const w = objects.find(
      p =>
        p.object.kind === target.kind &&
        p.object.metadata.name === target.name &&
        p.object.metadata.namespace === hpa.object.metadata.namespace,
    );
    if (w && (w.object as any).spec?.replicas !== undefined) {
      out.push({
        check: 'ownership',
        message: `${describe(w.object)} sets spec.replicas while ${describe(
          hpa.object,
        )} scales it: every sync would undo a scale-out`,
      });
    }
  }
  const root = objects.find(
    p =>
      p.object.kind === 'Application' &&
      p.file === 'manifests/gitops/root-application.yaml',
  );
  if (root && objects.some(p => p.object.kind === 'HorizontalPodAutoscaler')) {
    const ignored = ((root.object as any).spec.ignoreDifferences ?? []).some(
      (d: any) => (d.jsonPointers ?? []).includes('/spec/replicas'),
    );
    if (!ignored)
      out.push({
        check: 'ownership',
        message: `${describe(
          root.object,
        )} self-heals without ignoring /spec/replicas, which the HPA owns`,
      });
  }
  for (const p of objects.filter(x => x.object.kind === 'ClusterPolicy')) {
    for (const rule of (p.object as any).spec.rules ?? []) {
      if (
        rule.mutate ||
        (rule.verifyImages ?? []).some((v: any) => v.mutateDigest !== false)
      ) {
        out.push({
          check: 'ownership',
          message: `${describe(p.object)} rule ${
            rule.name
          } mutates objects that GitOps applies, so the two would fight over those fields`,
        });
      }
    }
  }
  for (const set of objects.filter(
    x =>
      x.object.kind === 'ApplicationSet' &&
      x.object.metadata.name === 'team-workloads',
  )) {
    const projectName = (set.object as any).spec.template.spec.project;
    const project = objects.find(
      x =>
        x.object.kind === 'AppProject' &&
        x.object.metadata.name === projectName,
    );
    const clusterWide =
      (project?.object as any)?.spec?.clusterResourceWhitelist ?? [];
    if (!project || clusterWide.length > 0) {
      out.push({
        check: 'ownership',
        message: `${describe(
          set.object,
        )} deploys teams' repositories through AppProject ${projectName}, which lets them create cluster-scoped kinds (${JSON.stringify(
          clusterWide,
        )})`,
      });
    }
  }
  return out;
}

/**
 * Whether a rendered baseline converges as a system, judged without a
 * cluster: controllers before their kinds, what add-ons' pods need before
 * they start, its own admission rules, its own
 * network policies, and one owner per field. Empty when it does.
 */
export function selfCheck(
  files: RenderedFile[],
  addons: Addon[],
  ctx: AddonContext,
): SelfCheckProblem[] {
  const objects = placed(files, addons);
  return [
    ...controllerProblems(objects, addons),
    ...prerequisiteProblems(objects, addons),
    ...admissionProblems(objects, ctx.tier),
    ...networkProblems(objects, ctx),
    ...ownershipProblems(objects),
  ];
}

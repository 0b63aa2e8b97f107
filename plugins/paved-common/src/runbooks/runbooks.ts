import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  parseEntityRef,
} from '@backstage/catalog-model';

/**
 * The anchors every runbook page carries, as explicit heading ids
 * (`## Symptoms {#symptoms}`), so links survive reworded headings.
 *
 * @public
 */
export const RUNBOOK_REQUIRED_SECTIONS = [
  'symptoms',
  'checks',
  'likely-causes',
  'fixes',
  'verify',
] as const;

/**
 * Anchors a runbook page may carry in addition to the required ones.
 *
 * @public
 */
export const RUNBOOK_OPTIONAL_SECTIONS = [
  'related-signals',
  'related-runbooks',
] as const;

/**
 * A section of a runbook page that can be linked to.
 *
 * @public
 */
export type RunbookSection =
  | (typeof RUNBOOK_REQUIRED_SECTIONS)[number]
  | (typeof RUNBOOK_OPTIONAL_SECTIONS)[number];

/**
 * Machine-readable reasons a runbook covers, grouped by where Kubernetes (or
 * the controller in question) reports them.
 *
 * @public
 */
export interface RunbookReasons {
  /** `status.containerStatuses[].state.waiting.reason`, e.g. `CrashLoopBackOff`. */
  readonly waiting?: readonly string[];
  /** `state.terminated.reason` or `lastState.terminated.reason`, e.g. `OOMKilled`. */
  readonly terminated?: readonly string[];
  /** `status.reason` of a Pod, e.g. `Evicted`. */
  readonly pod?: readonly string[];
  /** `Event.reason`, e.g. `FailedScheduling`. */
  readonly events?: readonly string[];
  /** Node condition types that signal trouble when true, e.g. `MemoryPressure`. */
  readonly nodeConditions?: readonly string[];
  /**
   * Condition types or reasons on other objects (Pods, Deployments, HPAs,
   * PDBs, namespaces, Argo CD Applications, ExternalSecrets, cert-manager
   * resources), e.g. `Unschedulable`, `SecretSyncedError`.
   */
  readonly conditions?: readonly string[];
  /** `Status.reason` of an API error response, e.g. `Forbidden`. */
  readonly apiStatus?: readonly string[];
  /** Prometheus alert names from the common kube-prometheus mixins. */
  readonly alerts?: readonly string[];
  /** Envoy access-log response flags, e.g. `UH`. */
  readonly proxyFlags?: readonly string[];
  /**
   * `status.phase` of objects that report a phase rather than conditions,
   * e.g. a Velero Restore's `PartiallyFailed` or a BackupStorageLocation's
   * `Unavailable`.
   */
  readonly phases?: readonly string[];
}

/**
 * One runbook in Paved's TechDocs.
 *
 * @public
 */
export interface RunbookDefinition {
  /** Stable slug; also the page's file name without `.md`. */
  readonly id: string;
  readonly title: string;
  /** Short, human-readable symptoms, as listed on the runbooks index. */
  readonly symptoms: readonly string[];
  readonly reasons: RunbookReasons;
  /** Page path inside the TechDocs site, e.g. `runbooks/pod-pending/`. */
  readonly path: string;
  /** Markdown source, relative to the docs directory. */
  readonly file: string;
  /** SLIs (M1-M10) and failure modes (F1-F6) the runbook relates to. */
  readonly signals: readonly string[];
}

const runbook = <const Id extends string>(
  id: Id,
  definition: Omit<RunbookDefinition, 'id' | 'path' | 'file'>,
) => ({
  id,
  path: `runbooks/${id}/` as const,
  file: `runbooks/${id}.md` as const,
  ...definition,
});

/**
 * Paved's runbooks. Every reason appears in at most one runbook, so
 * {@link runbookForReason} is unambiguous.
 *
 * @public
 */
export const RUNBOOKS = [
  runbook('pod-pending', {
    title: 'Pod stuck Pending',
    symptoms: [
      'Pod stays Pending with no node',
      'FailedScheduling events',
      'Pods never created by their ReplicaSet',
    ],
    reasons: {
      events: [
        'FailedScheduling',
        'NotTriggerScaleUp',
        'FailedCreate',
        'ProvisioningFailed',
        'FailedBinding',
        'FailedAttachVolume',
      ],
      conditions: ['Unschedulable'],
    },
    signals: ['M3', 'M1', 'M7', 'F6'],
  }),
  runbook('workload-unavailable', {
    title: 'Workload below its desired replicas',
    symptoms: [
      'Deployment, StatefulSet or DaemonSet READY below desired',
      'Deployment Available=False (MinimumReplicasUnavailable)',
    ],
    reasons: {
      conditions: ['BelowDesiredReplicas', 'MinimumReplicasUnavailable'],
      alerts: [
        'KubeDeploymentReplicasMismatch',
        'KubeStatefulSetReplicasMismatch',
      ],
    },
    signals: ['M1', 'M3', 'M9'],
  }),
  runbook('crashloopbackoff', {
    title: 'CrashLoopBackOff',
    symptoms: [
      'Container restarts repeatedly',
      'Job reached its backoff limit',
      'Rollout exceeded its progress deadline',
    ],
    reasons: {
      waiting: [
        'CrashLoopBackOff',
        'RunContainerError',
        'CreateContainerError',
      ],
      terminated: ['Error', 'StartError', 'ContainerCannotRun'],
      events: ['BackoffLimitExceeded'],
      conditions: ['ProgressDeadlineExceeded'],
      alerts: ['KubePodCrashLooping'],
    },
    signals: ['M9', 'M1'],
  }),
  runbook('oomkilled', {
    title: 'OOMKilled',
    symptoms: ['Container killed for exceeding its memory limit (exit 137)'],
    reasons: {
      terminated: ['OOMKilled'],
      events: ['OOMKilling', 'SystemOOM'],
    },
    signals: ['M5', 'M9', 'F2'],
  }),
  runbook('evicted-pods', {
    title: 'Evicted pods and node pressure',
    symptoms: [
      'Pods evicted by the kubelet',
      'Node under memory, disk or PID pressure',
    ],
    reasons: {
      pod: ['Evicted'],
      events: [
        'EvictionThresholdMet',
        'NodeHasInsufficientMemory',
        'NodeHasDiskPressure',
        'NodeHasInsufficientPID',
        'FreeDiskSpaceFailed',
        'ImageGCFailed',
      ],
      nodeConditions: ['MemoryPressure', 'DiskPressure', 'PIDPressure'],
      conditions: [
        'TerminationByKubelet',
        'KubeletHasInsufficientMemory',
        'KubeletHasDiskPressure',
        'KubeletHasInsufficientPID',
      ],
    },
    signals: ['M10', 'M5', 'F2'],
  }),
  runbook('imagepullbackoff', {
    title: 'ImagePullBackOff',
    symptoms: ['Image cannot be pulled, often from a private registry'],
    reasons: {
      waiting: [
        'ErrImagePull',
        'ImagePullBackOff',
        'InvalidImageName',
        'ErrImageNeverPull',
      ],
      events: ['InspectFailed'],
    },
    signals: ['M6', 'F3'],
  }),
  runbook('secret-not-found', {
    title: 'Secret not found',
    symptoms: ['Container cannot start: a referenced Secret or key is missing'],
    reasons: {
      waiting: ['CreateContainerConfigError'],
      events: ['FailedMount'],
    },
    signals: ['M1'],
  }),
  runbook('node-not-ready', {
    title: 'Node NotReady',
    symptoms: ['Node Ready condition is False or Unknown'],
    reasons: {
      events: ['NodeNotReady', 'TaintManagerEviction'],
      nodeConditions: ['NetworkUnavailable'],
      conditions: [
        'KubeletNotReady',
        'NodeStatusUnknown',
        'DeletionByTaintManager',
      ],
      alerts: ['KubeNodeNotReady', 'KubeNodeUnreachable'],
    },
    signals: ['M1', 'M4', 'M5', 'F5'],
  }),
  runbook('pdb-blocking-drain', {
    title: 'PDB blocking a drain',
    symptoms: ['Node drain cannot evict Pods because of a disruption budget'],
    reasons: {
      events: ['CalculateExpectedPodCountFailed'],
      conditions: ['InsufficientPods'],
    },
    signals: ['M1'],
  }),
  runbook('hpa-not-scaling', {
    title: 'HPA not scaling',
    symptoms: ['HPA target unknown, or replicas flat under load'],
    reasons: {
      events: ['FailedComputeMetricsReplicas', 'FailedRescale'],
      conditions: [
        'FailedGetResourceMetric',
        'FailedGetContainerResourceMetric',
        'FailedGetPodsMetric',
        'FailedGetObjectMetric',
        'FailedGetExternalMetric',
        'InvalidSelector',
        'FailedGetScale',
        'FailedUpdateScale',
        'TooManyReplicas',
        'TooFewReplicas',
      ],
      alerts: ['KubeHpaMaxedOut', 'KubeHpaReplicasMismatch'],
    },
    signals: ['M4', 'M8', 'M1'],
  }),
  runbook('service-without-endpoints', {
    title: 'Service without endpoints',
    symptoms: ['Service has no ready endpoints'],
    reasons: {
      events: ['FailedToUpdateEndpointSlices', 'FailedToUpdateEndpoint'],
    },
    signals: ['M8', 'M1'],
  }),
  runbook('ingress-502-503', {
    title: 'Ingress 502/503',
    symptoms: ['Ingress answers 502 Bad Gateway or 503 Service Unavailable'],
    reasons: {},
    signals: ['M8', 'M1'],
  }),
  runbook('mesh-503', {
    title: 'Mesh 503',
    symptoms: ['Sidecar returns 503 between meshed services'],
    reasons: {
      proxyFlags: ['UH', 'UF', 'UO', 'NR', 'URX'],
    },
    signals: ['M8', 'F5'],
  }),
  runbook('networkpolicy-blocking', {
    title: 'NetworkPolicy blocking traffic',
    symptoms: ['Connections or DNS lookups time out between Pods'],
    reasons: {},
    signals: ['F4', 'F5', 'M8'],
  }),
  runbook('rbac-denied', {
    title: 'RBAC denied',
    symptoms: ['API requests rejected with 403 Forbidden'],
    reasons: {
      apiStatus: ['Forbidden', 'Unauthorized'],
    },
    signals: [],
  }),
  runbook('namespace-stuck-terminating', {
    title: 'Namespace stuck Terminating',
    symptoms: ['Namespace stays Terminating'],
    reasons: {
      conditions: [
        'NamespaceContentRemaining',
        'NamespaceFinalizersRemaining',
        'NamespaceDeletionDiscoveryFailure',
        'NamespaceDeletionContentFailure',
        'SomeResourcesRemain',
        'SomeFinalizersRemain',
      ],
    },
    signals: [],
  }),
  runbook('apiserver-errors', {
    title: 'API server 5xx and timeouts',
    symptoms: [
      'API server errors or times out',
      'Admission webhook calls fail',
      'Aggregated API unavailable',
    ],
    reasons: {
      apiStatus: [
        'InternalError',
        'ServiceUnavailable',
        'Timeout',
        'ServerTimeout',
        'TooManyRequests',
      ],
      conditions: ['FailedDiscoveryCheck', 'MissingEndpoints'],
      alerts: [
        'KubeAPIDown',
        'KubeAPIErrorBudgetBurn',
        'KubeAggregatedAPIErrors',
        'KubeAggregatedAPIDown',
      ],
    },
    signals: ['M2', 'F1'],
  }),
  runbook('etcd-degraded', {
    title: 'etcd degraded',
    symptoms: ['etcd slow, without a leader or out of space'],
    reasons: {
      alerts: [
        'etcdNoLeader',
        'etcdInsufficientMembers',
        'etcdMembersDown',
        'etcdHighFsyncDurations',
        'etcdHighCommitDurations',
        'etcdHighNumberOfLeaderChanges',
        'etcdDatabaseQuotaLowSpace',
      ],
    },
    signals: ['F1', 'M2'],
  }),
  runbook('gitops-sync-failed', {
    title: 'GitOps sync failed',
    symptoms: ['Argo CD application OutOfSync, Degraded or sync Failed'],
    reasons: {
      conditions: [
        'OutOfSync',
        'Degraded',
        'ComparisonError',
        'SyncError',
        'InvalidSpecError',
        'SharedResourceWarning',
        'BuildFailed',
        'HealthCheckFailed',
        'ReconciliationFailed',
      ],
    },
    signals: [],
  }),
  runbook('external-secret-sync-failed', {
    title: 'External secret sync failed',
    symptoms: ['ExternalSecret cannot sync from its secret store'],
    reasons: {
      events: ['UpdateFailed'],
      conditions: [
        'SecretSyncedError',
        'InvalidProviderConfig',
        'InvalidStoreRef',
        'ValidationFailed',
      ],
    },
    signals: [],
  }),
  runbook('certificate-challenge-failed', {
    title: 'Certificate challenge failed',
    symptoms: ['cert-manager Certificate not ready, ACME challenge failing'],
    reasons: {
      events: ['PresentError'],
    },
    signals: ['M8'],
  }),
  runbook('crossplane-claim-not-ready', {
    title: 'Crossplane claim not ready',
    symptoms: [
      'Claim or composite resource stays READY False',
      'Managed resource SYNCED False with a provider error',
    ],
    reasons: {
      events: [
        'CannotCreateExternalResource',
        'CannotObserveExternalResource',
        'CannotDeleteExternalResource',
      ],
      conditions: ['ReconcileError', 'ReconcilePaused'],
    },
    signals: [],
  }),
  runbook('cluster-restore', {
    title: 'Cluster restore and rebuild',
    symptoms: [
      'Namespace, volume data, etcd or the whole cluster lost',
      'Velero restore or backup PartiallyFailed or FailedValidation',
      'Velero backup storage location Unavailable',
    ],
    reasons: {
      // Velero Backup and Restore phases (FailedValidation also on a
      // Schedule) and the BackupStorageLocation's `Unavailable`. Their
      // `Failed` phase stays in AMBIGUOUS_REASONS: a card for Velero objects
      // passes `cluster-restore` as its fallback runbook instead.
      phases: [
        'PartiallyFailed',
        'WaitingForPluginOperationsPartiallyFailed',
        'FinalizingPartiallyFailed',
        'FailedValidation',
        'Unavailable',
      ],
    },
    signals: ['M1', 'M7', 'F6', 'F1'],
  }),
] as const satisfies readonly RunbookDefinition[];

/**
 * A runbook from {@link RUNBOOKS}.
 *
 * @public
 */
export type Runbook = (typeof RUNBOOKS)[number];

/**
 * The slug of a runbook from {@link RUNBOOKS}.
 *
 * @public
 */
export type RunbookId = Runbook['id'];

/**
 * Reasons deliberately left unmapped: Kubernetes uses them for more than one
 * problem (`BackOff` is both a crash loop and an image pull back-off), so a
 * card should look at a more specific reason instead.
 *
 * @public
 */
export const AMBIGUOUS_REASONS: readonly string[] = [
  'BackOff',
  'Failed',
  'Unhealthy',
  'Killing',
  'ContainersNotReady',
];

const normalise = (reason: string): string =>
  reason
    .trim()
    .replace(/^Init:/i, '')
    .toLowerCase();

const allReasons = (definition: RunbookDefinition): string[] =>
  Object.values(definition.reasons).flatMap(values => [...(values ?? [])]);

const byReason: ReadonlyMap<string, Runbook> = new Map(
  RUNBOOKS.flatMap(entry =>
    allReasons(entry).map(reason => [normalise(reason), entry] as const),
  ),
);

/**
 * Every reason a runbook covers, flattened across reason kinds.
 *
 * @public
 */
export function runbookReasons(definition: RunbookDefinition): string[] {
  return allReasons(definition);
}

/**
 * The runbook by its slug, or `undefined`.
 *
 * @public
 */
export function runbookById(id: string): Runbook | undefined {
  return RUNBOOKS.find(entry => entry.id === id);
}

/**
 * The runbook covering a reason Kubernetes (or a controller) reported, such as
 * a container waiting or termination reason, an event reason, a node condition
 * or an alert name. Matching ignores case and surrounding whitespace, and the
 * `Init:` prefix kubectl prints for init containers. Returns `undefined` for
 * unknown and for {@link AMBIGUOUS_REASONS}.
 *
 * @public
 */
export function runbookForReason(reason: string): Runbook | undefined {
  return byReason.get(normalise(reason));
}

/**
 * Options for {@link runbookUrl}.
 *
 * @public
 */
export interface RunbookUrlOptions {
  /**
   * The entity whose TechDocs hold the runbooks, as a ref string or compound
   * ref. Defaults to `system:default/paved`.
   */
  entityRef?: string | CompoundEntityRef;
  /** Section of the page to open. */
  section?: RunbookSection;
}

/**
 * The TechDocs route of a runbook, for example
 * `/docs/default/system/paved/runbooks/pod-pending/#checks`. The route is
 * relative to the app's base URL, as Backstage's `/docs` routes are; kind and
 * namespace are lower-cased as in Backstage's entity routes.
 *
 * @public
 */
export function runbookUrl(
  runbookOrId: RunbookDefinition | RunbookId,
  options: RunbookUrlOptions = {},
): string {
  const { entityRef = 'system:default/paved', section } = options;
  const entry =
    typeof runbookOrId === 'string' ? runbookById(runbookOrId) : runbookOrId;
  if (!entry) {
    throw new Error(`Unknown runbook '${String(runbookOrId)}'`);
  }
  const ref = parseEntityRef(entityRef);
  const namespace = (ref.namespace || DEFAULT_NAMESPACE).toLocaleLowerCase(
    'en-US',
  );
  const kind = ref.kind.toLocaleLowerCase('en-US');
  const base = [namespace, kind, ref.name].map(encodeURIComponent).join('/');
  const anchor = section ? `#${section}` : '';
  return `/docs/${base}/${entry.path}${anchor}`;
}

export * from './tenantSteps';

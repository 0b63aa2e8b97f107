import { TierNumber, TIERS } from '@paved/plugin-paved-common';
import { standardLabels } from './labels';
import { manifestFile } from './yaml';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret';
import type { IHTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import type { ISealedSecret } from '@kubernetes-models/sealed-secrets/bitnami.com/v1alpha1/SealedSecret';
import { CostLabels, KubeObject, manifest, RenderedFile } from './types';

export type SampleAppInput = {
  namespace: string;
  tier: TierNumber;
  cost: CostLabels;
  domain: string;
  image: string;
  gatewayNamespace: string;
  /** Seed 002's secrets choice: which object carries the app's secret. */
  secrets: 'kubernetes-secrets' | 'sealed-secrets' | 'external-secrets-vault';
  /** Seed 002's ingress choice: an Ingress (ingress-nginx) or an HTTPRoute. */
  ingress: 'nginx-ingress' | 'gateway-api';
};

const NAME = 'sample-app';

/**
 * A reference workload that shows every workload rule of the tier: requests
 * and limits, non-root, read-only root filesystem, no capabilities, probes,
 * graceful shutdown, spread across zones, disruption budget.
 */
export function renderSampleApp(a: SampleAppInput): RenderedFile[] {
  const tier = TIERS[a.tier];
  const labels = standardLabels(a.cost, {
    name: NAME,
    component: 'web',
    partOf: 'paved-baseline',
    version: '1.0.0',
  });
  const selector = { 'app.kubernetes.io/name': NAME };
  const meta = (name = NAME) => ({ name, namespace: a.namespace, labels });
  const dir = 'manifests/sample-app';
  const host = `${NAME}.${a.domain}`;

  const probe = (path: string) => ({
    httpGet: { path, port: 'http' },
    periodSeconds: 10,
    timeoutSeconds: 2,
  });
  const deployment = manifest<IDeployment>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(),
    spec: {
      // With an HPA (tier 2+) the HPA owns replicas: a value here would be
      // re-applied by every GitOps sync and undo each scale-out.
      ...(a.tier >= 2 ? {} : { replicas: tier.minReplicas }),
      selector: { matchLabels: selector },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
      },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: 30,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 10001,
            runAsGroup: 10001,
            fsGroup: 10001,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          ...(a.tier >= 3
            ? {
                topologySpreadConstraints: [
                  {
                    maxSkew: 1,
                    topologyKey: 'topology.kubernetes.io/zone',
                    whenUnsatisfiable: 'DoNotSchedule',
                    labelSelector: { matchLabels: selector },
                  },
                ],
              }
            : {}),
          containers: [
            {
              name: NAME,
              image: a.image,
              ports: [{ name: 'http', containerPort: 8080 }],
              envFrom: [{ configMapRef: { name: `${NAME}-config` } }],
              resources: {
                requests: { cpu: '100m', memory: '128Mi' },
                limits: { cpu: '500m', memory: '256Mi' },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                capabilities: { drop: ['ALL'] },
              },
              startupProbe: { ...probe('/healthz'), failureThreshold: 30 },
              livenessProbe: probe('/healthz'),
              readinessProbe: probe('/ready'),
              lifecycle: { preStop: { sleep: { seconds: 5 } } },
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          // The root filesystem is read-only; scratch space is an emptyDir.
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
        },
      },
    },
  });
  const service = manifest<IService>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(),
    spec: {
      type: 'ClusterIP',
      selector,
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    },
  });
  const configMap = manifest<IConfigMap>({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta(`${NAME}-config`),
    data: { LOG_LEVEL: 'info', ENVIRONMENT: a.cost.environment },
  });

  let secret: KubeObject;
  if (a.secrets === 'kubernetes-secrets') {
    secret = manifest<ISecret>({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(`${NAME}-credentials`),
      type: 'Opaque',
      // A placeholder only: real values never belong in generated files.
      stringData: { API_TOKEN: 'change-me' },
    });
  } else if (a.secrets === 'sealed-secrets') {
    secret = manifest<ISealedSecret>({
      apiVersion: 'bitnami.com/v1alpha1',
      kind: 'SealedSecret',
      metadata: meta(`${NAME}-credentials`),
      spec: {
        // Replace with `kubeseal` output; only the cluster's key decrypts it.
        encryptedData: { API_TOKEN: 'REPLACE-WITH-KUBESEAL-OUTPUT' },
        template: { metadata: { name: `${NAME}-credentials` }, type: 'Opaque' },
      },
    });
  } else {
    secret = manifest<IExternalSecret>({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: meta(`${NAME}-credentials`),
      spec: {
        refreshInterval: '1h',
        secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
        target: { name: `${NAME}-credentials`, creationPolicy: 'Owner' },
        data: [
          {
            secretKey: 'API_TOKEN',
            remoteRef: { key: `${a.namespace}/${NAME}`, property: 'api-token' },
          },
        ],
      },
    });
  }

  const route: KubeObject =
    a.ingress === 'gateway-api'
      ? manifest<IHTTPRoute>({
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind: 'HTTPRoute',
          metadata: meta(),
          spec: {
            parentRefs: [
              { name: 'platform-gateway', namespace: a.gatewayNamespace },
            ],
            hostnames: [host],
            rules: [{ backendRefs: [{ name: NAME, port: 80 }] }],
          },
        })
      : manifest<IIngress>({
          apiVersion: 'networking.k8s.io/v1',
          kind: 'Ingress',
          metadata: {
            ...meta(),
            ...(a.tier >= 2
              ? {
                  annotations: {
                    'cert-manager.io/cluster-issuer': 'letsencrypt',
                  },
                }
              : {}),
          },
          spec: {
            ingressClassName: 'nginx',
            ...(a.tier >= 2
              ? { tls: [{ hosts: [host], secretName: `${NAME}-tls` }] }
              : {}),
            rules: [
              {
                host,
                http: {
                  paths: [
                    {
                      path: '/',
                      pathType: 'Prefix',
                      backend: {
                        service: { name: NAME, port: { name: 'http' } },
                      },
                    },
                  ],
                },
              },
            ],
          },
        });

  const files = [
    manifestFile(
      `${dir}/deployment.yaml`,
      [deployment],
      [
        'deployment-resources',
        ...(a.tier >= 2 ? ['probes'] : []),
        ...(a.tier >= 3 ? ['topology-spread'] : []),
      ],
    ),
    manifestFile(`${dir}/service.yaml`, [service], ['service-clusterip']),
    manifestFile(`${dir}/configmap.yaml`, [configMap], ['configmap']),
    manifestFile(
      `${dir}/secret.yaml`,
      [secret],
      [
        'secret',
        ...(a.tier >= 2 && a.secrets !== 'kubernetes-secrets'
          ? ['sealed-secrets']
          : []),
        ...(a.secrets === 'external-secrets-vault'
          ? ['external-secrets-vault']
          : []),
      ],
    ),
    manifestFile(
      `${dir}/ingress.yaml`,
      [route],
      [
        'ingress',
        ...(a.tier >= 2 && a.ingress === 'nginx-ingress'
          ? ['ingress-tls']
          : []),
        ...(a.ingress === 'gateway-api' ? ['gateway-api'] : []),
      ],
    ),
  ];
  if (a.tier >= 2) {
    files.push(
      manifestFile(
        `${dir}/hpa.yaml`,
        [
          manifest<IHorizontalPodAutoscaler>({
            apiVersion: 'autoscaling/v2',
            kind: 'HorizontalPodAutoscaler',
            metadata: meta(),
            spec: {
              scaleTargetRef: {
                apiVersion: 'apps/v1',
                kind: 'Deployment',
                name: NAME,
              },
              minReplicas: tier.minReplicas,
              maxReplicas: tier.minReplicas * 5,
              metrics: [
                {
                  type: 'Resource',
                  resource: {
                    name: 'cpu',
                    target: { type: 'Utilization', averageUtilization: 70 },
                  },
                },
              ],
            },
          }),
        ],
        ['hpa'],
      ),
      manifestFile(
        `${dir}/pdb.yaml`,
        [
          manifest<IPodDisruptionBudget>({
            apiVersion: 'policy/v1',
            kind: 'PodDisruptionBudget',
            metadata: meta(),
            spec: { maxUnavailable: 1, selector: { matchLabels: selector } },
          }),
        ],
        ['pdb'],
      ),
    );
    const monitoring: KubeObject[] = [
      manifest<IServiceMonitor>({
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'ServiceMonitor',
        metadata: meta(),
        spec: {
          selector: { matchLabels: selector },
          endpoints: [{ port: 'http', path: '/metrics', interval: '30s' }],
        },
      }),
    ];
    if (a.tier >= 3) {
      monitoring.push(
        manifest<IPrometheusRule>({
          apiVersion: 'monitoring.coreos.com/v1',
          kind: 'PrometheusRule',
          metadata: meta(),
          spec: {
            groups: [
              {
                name: `${NAME}-slo`,
                rules: [
                  {
                    alert: 'SampleAppErrorBudgetBurn',
                    // 99.9% availability: page when the hour burns 14.4x budget.
                    expr:
                      `sum(rate(http_requests_total{namespace="${a.namespace}",code=~"5.."}[1h])) / ` +
                      `sum(rate(http_requests_total{namespace="${a.namespace}"}[1h])) > (14.4 * 0.001)`,
                    for: '5m',
                    labels: { severity: 'page' },
                    annotations: {
                      summary: 'sample-app is burning its error budget fast',
                    },
                  },
                ],
              },
            ],
          },
        }),
      );
    }
    files.push(
      manifestFile(`${dir}/monitoring.yaml`, monitoring, [
        'service-monitor',
        ...(a.tier >= 3 ? ['slo-alerts'] : []),
      ]),
    );
  }
  return files;
}

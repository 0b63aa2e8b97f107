/*
 * paved:kubernetes:apply and custom kinds: CRDs applied in the same run are
 * waited for (Established) before their custom resources; kinds no CRD
 * serves are found before anything is applied, and fail, skip or wait as
 * the missingKinds input says. The test double can delay establishing a CRD
 * (test-double.paved.dev/establish-after-ms), as a real API server does.
 */
import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_ADMIN_TOKEN,
  startKubernetesApiTestDouble,
} from '@paved/kubernetes-api-test-double';
import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { makeContext } from '../__testUtils__/actionContext';
import { createKubernetesApplyAction } from './kubernetesApply';

jest.setTimeout(30_000);

let cluster: Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;
beforeEach(async () => {
  cluster = await startKubernetesApiTestDouble({ port: 0 });
});
afterEach(() => cluster.close());

const action = () =>
  createKubernetesApplyAction({
    config: mockServices.rootConfig({
      data: {
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'double',
                  url: cluster.url,
                  authProvider: 'serviceAccount',
                  serviceAccountToken: DEFAULT_ADMIN_TOKEN,
                },
              ],
            },
          ],
        },
      },
    }),
  });

const crd = (group: string, kind: string, delayMs?: number) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: {
    name: `${kind.toLowerCase()}s.${group}`,
    ...(delayMs
      ? {
          annotations: {
            'test-double.paved.dev/establish-after-ms': String(delayMs),
          },
        }
      : {}),
  },
  spec: {
    group,
    scope: 'Namespaced',
    names: { kind, plural: `${kind.toLowerCase()}s` },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
          },
        },
      },
    ],
  },
});
const cr = (apiVersion: string, kind: string, name: string) => ({
  apiVersion,
  kind,
  metadata: { name, namespace: 'payments' },
  spec: { size: 'small' },
});
const configMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'crd-test', namespace: 'payments' },
  data: { a: 'b' },
};

async function apply(objects: object[], input: Record<string, unknown> = {}) {
  const c = await makeContext({ cluster: 'double', path: 'm', ...input });
  await fs.mkdir(path.join(c.workspacePath, 'm'));
  await fs.writeFile(
    path.join(c.workspacePath, 'm/all.yaml'),
    objects.map(o => stringify(o)).join('---\n'),
  );
  const logs: string[] = [];
  (c.ctx.logger.info as jest.Mock).mockImplementation((l: string) =>
    logs.push(l),
  );
  const run = action().handler(c.ctx);
  return { run, outputs: c.outputs, logs };
}

const writes = () => cluster.requests.filter(r => r.method !== 'GET');

describe('paved:kubernetes:apply with custom kinds', () => {
  it('waits for a CRD it applied to be Established before applying its custom resources', async () => {
    const { run, outputs, logs } = await apply([
      cr('slow.paved.dev/v1', 'Widget', 'w1'),
      crd('slow.paved.dev', 'Widget', 700),
    ]);
    const started = Date.now();
    await run;
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(outputs.applied).toEqual([
      {
        object: 'CustomResourceDefinition widgets.slow.paved.dev',
        result: 'created',
      },
      { object: 'Widget payments/w1', result: 'created' },
    ]);
    expect(logs.join('\n')).toMatch(
      /waiting for CustomResourceDefinition widgets\.slow\.paved\.dev to be Established/,
    );
    expect(
      cluster.store.find('slow.paved.dev/v1', 'Widget', 'payments', 'w1'),
    ).toBeDefined();
  });

  it('gives up after crdWaitSeconds, naming the CRD, without applying its custom resources', async () => {
    const { run, outputs } = await apply(
      [
        crd('slow.paved.dev', 'Widget', 5000),
        cr('slow.paved.dev/v1', 'Widget', 'w1'),
      ],
      { crdWaitSeconds: 0.3 },
    );
    await expect(run).rejects.toThrow(
      /CustomResourceDefinition widgets\.slow\.paved\.dev is not Established within crdWaitSeconds \(NamesAccepted=True, Established=False\).*Already applied: CustomResourceDefinition widgets\.slow\.paved\.dev \(created\)/,
    );
    expect(outputs.created).toBe(1);
  });

  it('by default refuses kinds no CRD serves before applying anything, naming the component that installs them', async () => {
    const { run } = await apply([
      configMap,
      cr('kyverno.io/v1', 'ClusterPolicy', 'p'),
      cr('database.example.org/v1alpha1', 'PostgreSQLInstance', 'db'),
    ]);
    cluster.clearRequests();
    await expect(run).rejects.toThrow(
      /serves no CRD for: ClusterPolicy \(kyverno\.io\/v1\), installed by Kyverno .*; PostgreSQLInstance \(database\.example\.org\/v1alpha1\), installed by .*CompositeResourceDefinition.*Nothing was applied/,
    );
    expect(writes()).toEqual([]);
    expect(
      cluster.store.find('v1', 'ConfigMap', 'payments', 'crd-test'),
    ).toBeUndefined();
  });

  it('with missingKinds skip applies the rest and reports the skipped objects', async () => {
    const { run, outputs, logs } = await apply(
      [configMap, cr('kyverno.io/v1', 'ClusterPolicy', 'p')],
      { missingKinds: 'skip' },
    );
    await run;
    expect(outputs).toMatchObject({ created: 1, skipped: 1 });
    expect(outputs.applied).toContainEqual({
      object: 'ClusterPolicy payments/p',
      result: 'skipped',
    });
    expect(logs.join('\n')).toMatch(
      /ClusterPolicy payments\/p skipped: no CRD serves ClusterPolicy/,
    );
    expect(
      cluster.store.find('v1', 'ConfigMap', 'payments', 'crd-test'),
    ).toBeDefined();
  });

  it('with missingKinds wait applies the rest, then the kinds a controller installs meanwhile', async () => {
    const { run, outputs } = await apply(
      [cr('later.paved.dev/v1', 'Gadget', 'g1'), configMap],
      { missingKinds: 'wait', crdWaitSeconds: 10 },
    );
    // A controller (an Argo CD sync, say) installs the CRD a moment later.
    const controller = new Promise<void>(resolve =>
      setTimeout(async () => {
        await fetch(
          `${cluster.url}/apis/apiextensions.k8s.io/v1/customresourcedefinitions`,
          {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}`,
              'Content-Type': 'application/json',
            },
            body: JSON.stringify(crd('later.paved.dev', 'Gadget')),
          },
        );
        resolve();
      }, 500),
    );
    await run;
    await controller;
    expect(outputs.applied).toEqual([
      { object: 'ConfigMap payments/crd-test', result: 'created' },
      { object: 'Gadget payments/g1', result: 'created' },
    ]);
  });

  it('with missingKinds wait fails after crdWaitSeconds, naming the kinds still missing and what was applied', async () => {
    const { run } = await apply(
      [cr('never.paved.dev/v1', 'Thing', 't'), configMap],
      { missingKinds: 'wait', crdWaitSeconds: 0.5 },
    );
    await expect(run).rejects.toThrow(
      /still serves no CRD after .* for: Thing \(never\.paved\.dev\/v1\).*Already applied: ConfigMap payments\/crd-test \(created\)/,
    );
  });

  it("in the API server's dry run, custom resources of a new CRD count as created and nothing is stored", async () => {
    const { run, outputs, logs } = await apply(
      [
        crd('slow.paved.dev', 'Widget'),
        cr('slow.paved.dev/v1', 'Widget', 'w1'),
      ],
      { dryRun: true },
    );
    await run;
    expect(outputs).toMatchObject({ created: 2 });
    expect(logs.join('\n')).toMatch(
      /Widget payments\/w1 created \(server dry run; its CRD widgets\.slow\.paved\.dev is new\)/,
    );
    expect(
      cluster.store.find(
        'apiextensions.k8s.io/v1',
        'CustomResourceDefinition',
        undefined,
        'widgets.slow.paved.dev',
      ),
    ).toBeUndefined();
  });

  it('refuses a crdWaitSeconds out of range', async () => {
    const { run } = await apply([configMap], { crdWaitSeconds: 601 });
    await expect(run).rejects.toThrow(
      /^crdWaitSeconds: 601 must be between 0 and 600/,
    );
  });
});

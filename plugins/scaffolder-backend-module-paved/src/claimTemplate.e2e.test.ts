/*
 * "Request infrastructure (Crossplane claim)" end to end: the template file,
 * run by the real scaffolder backend with this module against the local
 * Kubernetes API test double. The scaffolder's dry run reads the XRD but
 * writes nothing to the cluster; the real run applies the claim; invalid
 * parameters fail the task before anything is written or applied.
 */
import { parse } from 'yaml';
import {
  formDefaults,
  logOf,
  readTemplate,
  ScaffolderHarness,
  startScaffolderHarness,
} from './__testUtils__/scaffolderHarness';

jest.setTimeout(120_000);

const template = readTemplate('templates/claim/template.yaml');
const templateRef = `template:default/${template.metadata.name}`;
const defaults = formDefaults(template);

const values = {
  ...defaults,
  name: 'orders-db',
  namespace: 'payments',
  // What the form's PavedXrdPicker and PavedXrdParameters fields produce.
  xrd: 'xpostgresqlinstances.platform.paved.dev',
  parameters: { size: 'medium', storageGB: 40 },
  owner: 'group:default/payments-team',
  component: 'payments-api',
  team: 'payments-team',
  project: 'shop',
  costCenter: 'cc-1001',
  cluster: 'double',
};

let harness: ScaffolderHarness;
const api = (method: string, route: string, body?: unknown) =>
  harness.api(method, route, body);
const runTask = (input: Record<string, unknown>) =>
  harness.runTask(templateRef, input);

const findClaim = (name: string) =>
  harness.cluster.store.find(
    'platform.paved.dev/v1alpha1',
    'PostgreSQLInstance',
    'payments',
    name,
  );

beforeAll(async () => {
  harness = await startScaffolderHarness([template]);
});

afterAll(() => harness?.stop());

describe('the "Request infrastructure (Crossplane claim)" template', () => {
  it('dry run: reads the XRD, renders the claim, applies nothing', async () => {
    harness.cluster.clearRequests();
    const result = await api('POST', '/v2/dry-run', {
      template,
      values,
      secrets: {},
      directoryContents: [],
    });
    const claimFile = result.directoryContents.find(
      (f: any) => f.path === 'claims/payments/orders-db/claim.yaml',
    );
    expect(claimFile).toBeDefined();
    const claim = parse(
      Buffer.from(claimFile.base64Content, 'base64').toString('utf8'),
    );
    expect(claim).toMatchObject({
      kind: 'PostgreSQLInstance',
      metadata: {
        labels: {
          'cost-center': 'cc-1001',
          'backstage.io/kubernetes-id': 'payments-api',
        },
      },
      spec: { parameters: { size: 'medium', storageGB: 40 } },
    });
    expect(
      harness.cluster.requests.some(r =>
        r.path.includes('compositeresourcedefinitions'),
      ),
    ).toBe(true);
    expect(harness.cluster.requests.filter(r => r.method !== 'GET')).toEqual(
      [],
    );
    expect(findClaim('orders-db')).toBeUndefined();
  });

  it('applies the claim to the cluster', async () => {
    const { status, events } = await runTask(values);
    expect(logOf(events)).toContain('created');
    expect(status).toBe('completed');
    const claim: any = findClaim('orders-db');
    expect(claim.spec).toMatchObject({
      parameters: { size: 'medium', storageGB: 40, engineVersion: '16' },
      compositionRef: { name: 'xpostgresqlinstances-aws' },
      writeConnectionSecretToRef: { name: 'orders-db-conn' },
    });
    expect(claim.metadata.labels.team).toBe('payments-team');
    const output = events.find(e => e.type === 'completion')?.body.output;
    expect(JSON.stringify(output)).toContain(
      'PostgreSQLInstance.platform.paved.dev/payments/orders-db',
    );
  });

  it('refuses parameters the XRD does not allow, naming the field, applying nothing', async () => {
    harness.cluster.clearRequests();
    const { status, events } = await runTask({
      ...values,
      name: 'too-big-db',
      parameters: { size: 'medium', storageGB: 5000 },
    });
    expect(status).toBe('failed');
    expect(logOf(events)).toContain('parameters.storageGB: must be <= 1000');
    expect(harness.cluster.requests.filter(r => r.method !== 'GET')).toEqual(
      [],
    );
    expect(findClaim('too-big-db')).toBeUndefined();
  });
});

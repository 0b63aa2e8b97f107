/*
 * The portal's MCP server with the portal's own `backend.actions` config
 * (app-config.yaml): Paved's actions are offered as tools, read-only, and a
 * tool call runs as the user who made it.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import pavedPlugin from '@paved/plugin-paved-backend';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const portalActionsConfig = parse(
  readFileSync(path.resolve(__dirname, '../../../app-config.yaml'), 'utf8'),
).backend.actions;

const ADR: Entity = {
  apiVersion: 'paved.dev/v1alpha1',
  kind: 'ADR',
  metadata: { name: 'use-postgresql', namespace: 'default' },
  spec: { owner: 'payments-team', status: 'accepted', number: 2 },
  relations: [
    { type: 'decidesAbout', targetRef: 'component:default/payments-api' },
  ],
};

let base: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  const backend = await startTestBackend({
    features: [
      mcpActionsPlugin,
      pavedPlugin,
      catalogServiceMock.factory({ entities: [ADR] }),
      mockServices.rootConfig.factory({
        data: { backend: { actions: portalActionsConfig } },
      }),
    ],
  });
  stop = () => backend.stop();
  base = `http://localhost:${backend.server.port()}`;
}, 60_000);

afterAll(() => stop?.());

/** One JSON-RPC call to the MCP endpoint (Streamable HTTP, one SSE event). */
async function mcp(authorization: string, method: string, params: object) {
  const res = await fetch(`${base}/api/mcp-actions/v1`, {
    method: 'POST',
    headers: {
      Authorization: authorization,
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  expect(res.status).toBe(200);
  const data = (await res.text())
    .split('\n')
    .find(line => line.startsWith('data: '));
  return JSON.parse(data!.slice('data: '.length));
}

it("offers Paved's actions as read-only MCP tools", async () => {
  expect(portalActionsConfig.pluginSources).toContain('paved');
  const { result } = await mcp(mockCredentials.user.header(), 'tools/list', {});
  const paved = result.tools.filter((t: any) => t.name.startsWith('paved.'));
  expect(paved.map((t: any) => t.name).sort()).toEqual([
    'paved.find-adrs-by-subject',
    'paved.get-cluster-health',
    'paved.get-component-health',
    'paved.get-conformance',
    'paved.get-crossplane-claims',
    'paved.get-entity-cost',
    'paved.list-blocked-roadmap-items',
  ]);
  for (const tool of paved) {
    expect(tool.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
    });
  }
});

it('runs a tool as the calling user, and refuses a service identity', async () => {
  const call = {
    name: 'paved.find-adrs-by-subject',
    arguments: { subject: 'component:default/payments-api' },
  };
  const asUser = await mcp(mockCredentials.user.header(), 'tools/call', call);
  expect(asUser.result.isError).toBeFalsy();
  expect(JSON.parse(asUser.result.content[0].text)).toMatchObject({
    subject: 'component:default/payments-api',
    decisions: [{ ref: 'adr:default/use-postgresql', status: 'accepted' }],
  });

  const asService = await mcp(
    mockCredentials.service.header(),
    'tools/call',
    call,
  );
  expect(asService.result.isError).toBe(true);
  expect(asService.result.content[0].text).toMatch(
    /run as a signed-in user, not a 'service' principal/,
  );
});

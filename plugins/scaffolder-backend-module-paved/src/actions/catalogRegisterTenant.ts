import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { tenantEntityProblems } from '@paved/plugin-paved-common';
import fs from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';
import { resolveInWorkspace } from './workspace';

export const CATALOG_REGISTER_TENANT_ID = 'paved:catalog:register-tenant';

/** The catalog module's route (see @paved/plugin-catalog-backend-module-paved). */
const TENANT_ROUTE = '/paved/tenants';

/** Reads the one entity of a catalog-info file, refusing anything but a tenant. */
export async function readTenantEntity(
  file: string,
  field: string,
): Promise<Record<string, unknown>> {
  const text = await fs.readFile(file, 'utf8').catch(() => {
    throw new InputError(`${field}: "${file}" does not exist in the workspace`);
  });
  const docs = parseAllDocuments(text).filter(d => d.contents !== null);
  if (docs.length !== 1) {
    throw new InputError(
      `${field}: the file must hold exactly one entity, found ${docs.length}`,
    );
  }
  if (docs[0].errors.length) {
    throw new InputError(`${field}: ${docs[0].errors[0].message}`);
  }
  const entity = docs[0].toJS();
  const problems = tenantEntityProblems(entity);
  if (problems.length) {
    throw new InputError(
      `${field}: not a tenant entity: ${problems.join('; ')}`,
    );
  }
  return entity;
}

export function createCatalogRegisterTenantAction(options: {
  discovery: DiscoveryService;
  auth: AuthService;
}) {
  return createTemplateAction({
    id: CATALOG_REGISTER_TENANT_ID,
    description:
      "Registers a tenant's catalog-info.yaml (written by paved:tenant:scaffold) in the catalog, on behalf of the user who runs the template; the user needs catalog.entity.create. For templates that apply to a cluster and have no repository URL to catalog:register.",
    supportsDryRun: true,
    examples: [
      {
        description: 'Register the tenant the previous step rendered',
        example: `steps:
  - id: register
    action: paved:catalog:register-tenant
    input:
      catalogInfoPath: tenants/payments/catalog-info.yaml`,
      },
    ],
    schema: {
      input: {
        catalogInfoPath: z =>
          z
            .string()
            .describe("The tenant's catalog-info.yaml inside the workspace"),
      },
      output: {
        entityRef: z =>
          z
            .string()
            .describe(
              'The tenant entity, e.g. resource:default/tenant-payments',
            ),
        result: z =>
          z
            .enum(['created', 'updated', 'unchanged', 'dry-run'])
            .describe('What the catalog did; dry-run when nothing was sent'),
      },
    },
    async handler(ctx) {
      const field = 'catalogInfoPath';
      const file = resolveInWorkspace(
        ctx.workspacePath,
        ctx.input.catalogInfoPath,
        field,
      );
      const entity = await readTenantEntity(file, field);
      const meta = entity.metadata as { name: string; namespace?: string };
      const ref = `resource:${meta.namespace ?? 'default'}/${meta.name}`;
      ctx.output('entityRef', ref);
      if (ctx.isDryRun) {
        ctx.logger.info(`would register ${ref} in the catalog`);
        ctx.output('result', 'dry-run');
        return;
      }
      const { token } = await options.auth.getPluginRequestToken({
        onBehalfOf: await ctx.getInitiatorCredentials(),
        targetPluginId: 'catalog',
      });
      const base = await options.discovery.getBaseUrl('catalog');
      const res = await fetch(`${base}${TENANT_ROUTE}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ entity }),
      });
      const text = await res.text();
      let body: any;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      if (!res.ok) {
        const why = body?.error?.message ?? text.slice(0, 300);
        if (res.status === 404) {
          throw new Error(
            `Registering ${ref} failed: the catalog has no ${TENANT_ROUTE} route; add @paved/plugin-catalog-backend-module-paved to the backend`,
          );
        }
        if (res.status === 400)
          throw new InputError(`${field}: the catalog refused ${ref}: ${why}`);
        throw new Error(`Registering ${ref} failed: ${res.status} ${why}`);
      }
      ctx.logger.info(`${body.entityRef} ${body.result} in the catalog`);
      ctx.output('entityRef', body.entityRef);
      ctx.output('result', body.result);
    },
  });
}

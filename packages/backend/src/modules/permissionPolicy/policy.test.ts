import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  kubernetesProxyPermission,
  kubernetesResourcesReadPermission,
} from '@backstage/plugin-kubernetes-common';
import { createPermission } from '@backstage/plugin-permission-common';
import { actionExecutePermission } from '@backstage/plugin-scaffolder-common/alpha';
import {
  pavedConformanceReadPermission,
  pavedCostLabelReadPermission,
  pavedCostReadPermission,
  pavedCrossplaneReadPermission,
  pavedFleetReadPermission,
  pavedHealthReadPermission,
  pavedGitOpsReadPermission,
  pavedLogsReadPermission,
  pavedTenantReadPermission,
  pavedCostAlertManagePermission,
  pavedDriftReadPermission,
} from '@paved/plugin-paved-common';
import { UserInfoService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { PavedPermissionPolicy } from './policy';

// What the user info service would read from each user's token.
const claims = new Map<string, string[]>();
const userInfo: UserInfoService = {
  async getUserInfo(credentials) {
    const ref = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return { userEntityRef: ref, ownershipEntityRefs: claims.get(ref) ?? [] };
  },
};

const policy = new PavedPermissionPolicy(
  new Set(['group:default/platform-team']),
  userInfo,
);

function userOf(...ownershipEntityRefs: string[]): PolicyQueryUser {
  claims.set(ownershipEntityRefs[0], ownershipEntityRefs);
  return {
    credentials: mockCredentials.user(ownershipEntityRefs[0]),
  } as PolicyQueryUser;
}

const developer = userOf('user:default/dev', 'group:default/payments-team');
const admin = userOf('user:default/ada', 'group:default/Platform-Team');

describe('PavedPermissionPolicy', () => {
  it('shows cost to the owners of what it is about, and to admins', async () => {
    for (const permission of [
      pavedHealthReadPermission,
      pavedConformanceReadPermission,
      pavedCrossplaneReadPermission,
      // The fleet page; its rows are then checked per cluster.
      pavedFleetReadPermission,
    ]) {
      expect((await policy.handle({ permission }, developer)).result).toBe(
        AuthorizeResult.ALLOW,
      );
    }
    const cost = await policy.handle(
      { permission: pavedCostReadPermission },
      developer,
    );
    expect(cost).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        anyOf: [
          {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: {
              claims: ['user:default/dev', 'group:default/payments-team'],
            },
          },
          {
            // A team's own page: Groups have members, not owners.
            allOf: [
              {
                rule: 'IS_ENTITY_KIND',
                resourceType: 'catalog-entity',
                params: { kinds: ['Group'] },
              },
              {
                rule: 'HAS_METADATA',
                resourceType: 'catalog-entity',
                params: { key: 'namespace', value: 'default' },
              },
              {
                rule: 'HAS_METADATA',
                resourceType: 'catalog-entity',
                params: { key: 'name', value: 'payments-team' },
              },
            ],
          },
        ],
      },
    });
    expect(
      (await policy.handle({ permission: pavedCostReadPermission }, admin))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      (
        await policy.handle(
          { permission: pavedCostLabelReadPermission },
          developer,
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
    expect(
      (await policy.handle({ permission: pavedCostLabelReadPermission }, admin))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('lets platform admins use the Kubernetes proxy and nobody else', async () => {
    const query = { permission: kubernetesProxyPermission };
    expect((await policy.handle(query, admin)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect((await policy.handle(query, developer)).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('lets anyone signed in read workloads and catalog entities', async () => {
    for (const permission of [
      kubernetesResourcesReadPermission,
      catalogEntityReadPermission,
    ]) {
      expect((await policy.handle({ permission }, developer)).result).toBe(
        AuthorizeResult.ALLOW,
      );
    }
  });

  it("lets anyone signed in read Paved's Crossplane claims, as health", async () => {
    // paved.crossplane.read, as @paved/plugin-paved-common defines it.
    const permission = createPermission({
      name: 'paved.crossplane.read',
      attributes: { action: 'read' },
    });
    expect((await policy.handle({ permission }, developer)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect((await policy.handle({ permission }, admin)).result).toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it("lets anyone signed in read Paved's GitOps status, as health", async () => {
    const permission = pavedGitOpsReadPermission;
    expect((await policy.handle({ permission }, developer)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect((await policy.handle({ permission }, admin)).result).toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it('lets anyone signed in read Crossplane YAML and events, each its own permission', async () => {
    // As @paved/plugin-paved-common defines them: reads, granted like the listing.
    for (const name of [
      'paved.crossplane.yaml.read',
      'paved.crossplane.events.read',
    ]) {
      const permission = createPermission({
        name,
        attributes: { action: 'read' },
      });
      expect((await policy.handle({ permission }, developer)).result).toBe(
        AuthorizeResult.ALLOW,
      );
    }
  });

  it('makes entity deletion conditional on ownership', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      developer,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/dev', 'group:default/payments-team'],
        },
      },
    });
  });

  it('keeps location registration for admins', async () => {
    const query = { permission: catalogLocationCreatePermission };
    expect((await policy.handle(query, developer)).result).toBe(
      AuthorizeResult.DENY,
    );
    expect((await policy.handle(query, admin)).result).toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it('denies unknown state-changing permissions by default', async () => {
    const permission = createPermission({
      name: 'someplugin.thing.update',
      attributes: { action: 'update' },
    });
    expect((await policy.handle({ permission }, developer)).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('treats a request without a user as having no ownership', async () => {
    const decision = await policy.handle({
      permission: catalogEntityDeletePermission,
    });
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { params: { claims: [] } },
    });
  });
});

describe('PavedPermissionPolicy and the tenant page', () => {
  it("shows a tenant's page to its owners (a member of the owning group included) and to admins", async () => {
    const decision = await policy.handle(
      { permission: pavedTenantReadPermission },
      developer,
    );
    // The catalog applies the condition to the tenant entity: the developer
    // claims payments-team, which owns the example tenant-payments.
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/dev', 'group:default/payments-team'],
        },
      },
    });
    expect(
      (await policy.handle({ permission: pavedTenantReadPermission }, admin))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('gives a requester without claims nothing to own', async () => {
    const decision = await policy.handle({
      permission: pavedTenantReadPermission,
    });
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { params: { claims: [] } },
    });
  });
});

describe('PavedPermissionPolicy and drift', () => {
  it("shows drift to a tenant's or cluster's owners and to admins, not to every reader", async () => {
    expect(
      await policy.handle({ permission: pavedDriftReadPermission }, developer),
    ).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        params: {
          claims: ['user:default/dev', 'group:default/payments-team'],
        },
      },
    });
    expect(
      (await policy.handle({ permission: pavedDriftReadPermission }, admin))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
  });
});

describe('PavedPermissionPolicy and the evidence drawer', () => {
  it("gives a component's previous logs to its owners and admins, not to every reader", async () => {
    const decision = await policy.handle(
      { permission: pavedLogsReadPermission },
      developer,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/dev', 'group:default/payments-team'],
        },
      },
    });
    expect(
      (await policy.handle({ permission: pavedLogsReadPermission }, admin))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
    // Not caught by the "anyone may read" rule further down.
    expect(
      (await policy.handle({ permission: pavedLogsReadPermission })).result,
    ).toBe(AuthorizeResult.CONDITIONAL);
  });

  it("lets only an entity's owners and admins snooze or dismiss its cost alerts", async () => {
    expect(
      await policy.handle(
        { permission: pavedCostAlertManagePermission },
        developer,
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/dev', 'group:default/payments-team'],
        },
      },
    });
    expect(
      (
        await policy.handle(
          { permission: pavedCostAlertManagePermission },
          admin,
        )
      ).result,
    ).toBe(AuthorizeResult.ALLOW);
    // An update, so not the "anyone may read" rule; and not the deny-all.
    expect(
      (await policy.handle({ permission: pavedCostAlertManagePermission }))
        .result,
    ).toBe(AuthorizeResult.CONDITIONAL);
  });
});

describe('PavedPermissionPolicy and scaffolder actions', () => {
  it('lets developers run every action except those writing to clusters', async () => {
    const decision = await policy.handle(
      { permission: actionExecutePermission },
      developer,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'scaffolder',
      resourceType: 'scaffolder-action',
      conditions: {
        not: {
          anyOf: [
            'paved:kubernetes:apply',
            'paved:tenant:change',
            'paved:tenant:offboard',
          ].map(actionId => ({
            rule: 'HAS_ACTION_ID',
            resourceType: 'scaffolder-action',
            params: { actionId },
          })),
        },
      },
    });
  });

  it('lets platform admins run cluster-writing actions', async () => {
    expect(
      (await policy.handle({ permission: actionExecutePermission }, admin))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
  });
});

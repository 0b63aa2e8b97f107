import {
  DEPRECATION_NOTICE_DAYS,
  renderPlatformContract,
  ContractTenant,
} from './platformContract';

const tenant: ContractTenant = {
  name: 'acme',
  team: 'acme-team',
  tier: 3,
  environments: ['dev', 'prod'],
  groups: { admin: 'acme-admins', developer: 'acme-devs' },
  isolationLevel: 'sandboxed',
  guardrails: true,
};

describe('renderPlatformContract', () => {
  it('names the tenant, its namespaces, roles, isolation and version', () => {
    const md = renderPlatformContract(tenant, {}, '0.4.0');
    expect(md).toMatch(/^# Platform contract for tenant acme\n/);
    expect(md).toContain('`acme-dev`, `acme-prod`');
    expect(md).toContain('`acme-admins` as tenant admins');
    expect(md).toContain('Isolation tier `sandboxed`');
    expect(md).toContain('tenant baseline version\n0.4.0');
    expect(md).toContain('`paved.dev/tenant: acme`');
  });

  it.each([
    [1, '4h', 30, 'none (tier 1 keeps no backups'],
    [2, '1h', 60, 'recovery point 24h'],
    [5, '15 min', 180, 'recovery point'],
  ] as const)(
    'tier %i: severity 1 within %s, %i days of deprecation notice, DR from the tier',
    (tier, sev1, days, dr) => {
      const md = renderPlatformContract({ ...tenant, tier }, {}, '1.0.0');
      expect(md).toContain(
        `| 1 | production of this tenant is down or data is at risk | ${sev1} |`,
      );
      expect(md).toContain(`at least **${days} days**`);
      expect(DEPRECATION_NOTICE_DAYS[tier]).toBe(days);
      expect(md).toContain(dr);
    },
  );

  it('uses the contacts given, and says which are missing otherwise', () => {
    const given = renderPlatformContract(
      tenant,
      {
        platformTeam: 'group:default/platform',
        supportChannel: '#platform-help',
        onCall: 'PagerDuty service "platform"',
      },
      '1.0.0',
    );
    expect(given).toContain('Ask in #platform-help.');
    expect(given).toContain('PagerDuty service "platform"');
    expect(given).not.toContain('not set');
    const missing = renderPlatformContract(tenant, {}, '1.0.0');
    expect(missing).toContain('`paved.tenants.contract.supportChannel`');
    expect(missing).toContain('`paved.tenants.contract.onCall`');
  });

  it('does not promise guardrails where no engine enforces them', () => {
    const md = renderPlatformContract(
      { ...tenant, tier: 1, guardrails: false },
      {},
      '1.0.0',
    );
    expect(md).toContain('No guardrail policies');
    expect(md).not.toContain('Guardrail policies on every namespace');
  });
});

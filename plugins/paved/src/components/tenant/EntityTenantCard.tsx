import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_ISOLATION,
  ISOLATION_LEVEL_SUMMARIES,
  TenantClusterSummary,
} from '@paved/plugin-paved-common';
import { PavedTenantResponse, pavedTenantApiRef } from '../../api';
import { Fact, SectionTitle } from '../common/CardText';
import { ClusterSections } from '../common/clusters/ClusterSection';
import { PavedEntityCard } from '../common/PavedEntityCard';
import { usePolledRead } from '../common/refresh/usePolledRead';
import { AccessMatrix } from './AccessMatrix';
import { GuardrailList } from './GuardrailList';
import { QuotaTable } from './QuotaTable';
import { missingTenantSetup } from './tenantEntity';

/** The card's anchor, for links to it (`#paved-tenant`). */
export const TENANT_CARD_ANCHOR = 'paved-tenant';

function Isolation(props: { response: PavedTenantResponse }) {
  const { isolation } = props.response;
  return (
    <Fact label="Isolation tier">
      {isolation ? (
        <>
          {isolation} · {ISOLATION_LEVEL_SUMMARIES[isolation]}
        </>
      ) : (
        `not declared (set ${ANNOTATION_ISOLATION}; the tenant template's default is namespace)`
      )}
    </Fact>
  );
}

function ClusterBody(props: {
  cluster: string;
  summary: TenantClusterSummary;
}) {
  const { cluster, summary } = props;
  return (
    <>
      {summary.missingNamespaces.length > 0 && (
        <Typography variant="body2" color="error">
          Not in this cluster: {summary.missingNamespaces.join(', ')}
        </Typography>
      )}
      <SectionTitle>Quota use</SectionTitle>
      {summary.quotas.length === 0 ? (
        <Typography variant="body2">
          {summary.namespaces.length
            ? `No ResourceQuota in ${summary.namespaces.join(
                ', ',
              )}: nothing limits what the tenant may use.`
            : 'No namespaces, so no quota.'}
        </Typography>
      ) : (
        summary.quotas.map(q => (
          <QuotaTable key={`${q.namespace}/${q.name}`} quota={q} />
        ))
      )}
      <SectionTitle>Who can do what here</SectionTitle>
      {summary.access.available ? (
        <AccessMatrix
          rows={summary.access.rows}
          namespaces={summary.namespaces}
          label={`Who can do what in ${cluster}`}
        />
      ) : (
        <Typography variant="body2">{summary.access.reason}</Typography>
      )}
      <SectionTitle>Guardrail violations</SectionTitle>
      {summary.guardrails.available ? (
        <GuardrailList
          guardrails={summary.guardrails}
          label={`Guardrail violations in ${cluster}`}
        />
      ) : (
        <Typography variant="body2">
          Not available: {summary.guardrails.reason}
        </Typography>
      )}
    </>
  );
}

/**
 * A tenant's page: its isolation tier, and per cluster its quota use (used
 * against hard), who can do what in its namespaces (from the cluster's own
 * RBAC) and its guardrail violations (Kyverno's PolicyReports).
 */
export function EntityTenantCard() {
  const { entity } = useEntity();
  const api = useApi(pavedTenantApiRef);
  const missing = missingTenantSetup(entity);
  const ref = getCompoundEntityRef(entity);
  const read = usePolledRead(
    ({ fresh }) => (missing ? undefined : api.getTenant(ref, { fresh })),
    [api, missing, ref.kind, ref.namespace, ref.name],
  );
  return (
    <PavedEntityCard
      anchor={TENANT_CARD_ANCHOR}
      title="Tenant"
      setup={missing}
      read={read}
      subheader={response =>
        `Tenant ${response.tenant}${
          response.tier !== undefined ? ` · tier ${response.tier}` : ''
        } · namespaces ${response.namespaces.join(', ')}`
      }
    >
      {response => (
        <>
          <Isolation response={response} />
          <ClusterSections
            results={response.clusters}
            label={cluster => `Tenant ${response.tenant} in ${cluster}`}
          >
            {(summary, cluster) => (
              <ClusterBody cluster={cluster} summary={summary} />
            )}
          </ClusterSections>
        </>
      )}
    </PavedEntityCard>
  );
}

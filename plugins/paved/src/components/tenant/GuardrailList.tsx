import Typography from '@material-ui/core/Typography';
import type {
  TenantGuardrails,
  TenantGuardrailViolation,
} from '@paved/plugin-paved-common';
import { CollapsibleList } from '../common/CollapsibleList';
import { formatCount } from '../common/format';

function violationKey(v: TenantGuardrailViolation, i: number): string {
  return `${i}:${v.namespace}/${v.policy}/${v.rule ?? ''}/${
    v.resource?.name ?? ''
  }`;
}

function ViolationItem(props: { violation: TenantGuardrailViolation }) {
  const v = props.violation;
  const where = v.resource
    ? `${v.resource.kind} ${
        v.resource.namespace ? `${v.resource.namespace}/` : ''
      }${v.resource.name}`
    : `namespace ${v.namespace}`;
  return (
    <>
      <Typography variant="body2" component="div">
        <strong>{v.result}</strong> · {v.policy}
        {v.rule ? `/${v.rule}` : ''} · {where}
        {v.severity ? ` · ${v.severity}` : ''}
      </Typography>
      {v.message && (
        <Typography variant="body2" color="textSecondary" component="div">
          {v.message}
        </Typography>
      )}
    </>
  );
}

/** Kyverno's results for the tenant: counts, then every violation. */
export function GuardrailList(props: {
  guardrails: TenantGuardrails;
  label: string;
}) {
  const { guardrails, label } = props;
  const { counts } = guardrails;
  const summary = `${formatCount(guardrails.reports, 'report')}: ${
    counts.fail
  } fail · ${counts.error} error · ${counts.warn} warn · ${
    counts.pass
  } pass · ${counts.skip} skip`;
  return (
    <>
      <Typography variant="body2" color="textSecondary">
        {summary}
      </Typography>
      {guardrails.violations.length === 0 ? (
        <Typography variant="body2">
          {guardrails.reports === 0
            ? 'No policy reports in these namespaces yet.'
            : 'No violations: every result passes or is skipped.'}
        </Typography>
      ) : (
        <CollapsibleList
          items={guardrails.violations}
          label={label}
          limit={5}
          noun={['violations', 'violation']}
          itemKey={violationKey}
          omitted={guardrails.omitted}
          listStyle={{ listStyle: 'none', padding: 0, margin: 0 }}
          itemStyle={{ margin: '8px 0' }}
          renderItem={v => <ViolationItem violation={v} />}
        />
      )}
    </>
  );
}

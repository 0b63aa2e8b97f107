import Typography from '@material-ui/core/Typography';
import { CostTable } from '@paved/plugin-paved-common';
import { formatMoney } from '../common/format';
import { changeText } from './costMoney';

/**
 * The total against the previous period of equal length, and the
 * workloads that changed most, new ones and gone ones named as such.
 */
export function ComparisonRow(props: {
  table: CostTable;
  previousComplete: boolean;
}) {
  const { table } = props;
  const label = table.comparedWith;
  if (!label) return null;
  const total = table.rows.find(r => r.section === 'total');
  const workloads = table.rows.filter(r => r.section === 'workload');
  const approx = table.conversion ? '≈ ' : '';
  return (
    <section aria-label="Comparison">
      <Typography variant="body2">
        {total ? changeText(total, table.currency, label, approx) : ''}
      </Typography>
      {!props.previousComplete && (
        <Typography variant="body2" color="textSecondary">
          The {label} are incomplete (a cluster did not answer, or OpenCost has
          no data that far back): the change may be off.
        </Typography>
      )}
      {workloads.length > 0 && (
        <ul
          aria-label="Workload changes"
          style={{ paddingLeft: 16, margin: '4px 0' }}
        >
          {workloads.map(w => {
            const name = `${w.item}${w.cluster ? ` (${w.cluster})` : ''}`;
            let text: string;
            if (w.presence === 'new') {
              text = `new: ${name}: ${approx}${formatMoney(
                w.amount,
                table.currency,
              )}`;
            } else if (w.presence === 'gone') {
              text = `gone: ${name}: ${approx}${formatMoney(
                w.previous ?? null,
                table.currency,
              )} in the ${label}`;
            } else {
              text = `${name}: ${changeText(w, table.currency, label, approx)}`;
            }
            return (
              <li key={`${w.presence}/${name}`}>
                <Typography variant="body2">{text}</Typography>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { TenantQuota } from '@paved/plugin-paved-common';
import { formatPercent, UNKNOWN } from '../common/format';
import { formatQuotaValue } from './quotaFormat';

/** From here a quota is close enough to its limit to say so. */
export const QUOTA_NEAR_LIMIT = 0.9;

/** One ResourceQuota: each resource's use against its hard limit, as a bar. */
export function QuotaTable(props: { quota: TenantQuota }) {
  const { quota } = props;
  const name = `Quota ${quota.namespace}/${quota.name}`;
  if (quota.items.length === 0) {
    return <Typography variant="body2">{name} sets no hard limits.</Typography>;
  }
  return (
    <Table size="small" aria-label={name}>
      <TableHead>
        <TableRow>
          <TableCell>Resource</TableCell>
          <TableCell>Used</TableCell>
          <TableCell>Hard</TableCell>
          <TableCell style={{ width: '35%' }}>Use</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {quota.items.map(item => {
          const near = item.ratio !== null && item.ratio >= QUOTA_NEAR_LIMIT;
          return (
            <TableRow key={item.resource}>
              <TableCell>{item.resource}</TableCell>
              <TableCell>
                {formatQuotaValue(item.resource, item.used)}
              </TableCell>
              <TableCell>
                {formatQuotaValue(item.resource, item.hard)}
              </TableCell>
              <TableCell>
                {item.ratio === null ? (
                  UNKNOWN
                ) : (
                  <>
                    <LinearProgress
                      variant="determinate"
                      value={Math.min(100, Math.max(0, item.ratio * 100))}
                      aria-label={`${item.resource} used`}
                      aria-valuetext={formatPercent(item.ratio)}
                    />
                    <Typography
                      variant="caption"
                      color={near ? 'error' : 'textSecondary'}
                    >
                      {formatPercent(item.ratio)}
                      {near ? ' · near the limit' : ''}
                    </Typography>
                  </>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

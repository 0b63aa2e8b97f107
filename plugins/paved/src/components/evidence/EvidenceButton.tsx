import { CompoundEntityRef } from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import { HealthProblem } from '@paved/plugin-paved-common';
import { useState } from 'react';
import { EvidenceContent } from './EvidenceContent';
import { evidenceTargetOf } from './evidenceTarget';

const useStyles = makeStyles(theme => ({
  paper: {
    width: '50%',
    minWidth: 360,
    [theme.breakpoints.down('sm')]: { width: '100%' },
    padding: theme.spacing(2.5),
  },
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'flex-start',
  },
}));

/**
 * "Evidence" beside a problem's runbook link, on Pod and workload problems:
 * opens a drawer (like the Kubernetes plugin's) with the object's events
 * and, for a Pod, its previous container's last log lines. Nothing is read
 * until it opens.
 */
export function EvidenceButton(props: {
  entity: CompoundEntityRef;
  cluster: string;
  problem: HealthProblem;
}) {
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const target = evidenceTargetOf(props.problem, props.cluster);
  if (!target) return null;
  const title = `${target.kind} ${target.namespace}/${target.name}${
    target.container ? ` (${target.container})` : ''
  }`;
  return (
    <>
      <Button
        size="small"
        variant="text"
        color="primary"
        onClick={() => setOpen(true)}
        aria-label={`Evidence for ${title}`}
      >
        Evidence
      </Button>
      <Drawer
        anchor="right"
        open={open}
        onClose={() => setOpen(false)}
        classes={{ paper: classes.paper }}
      >
        <div role="dialog" aria-label={`Evidence: ${title}`}>
          <div className={classes.header}>
            <div>
              <Typography variant="h5" component="h2">
                {title}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                {props.problem.reason} in cluster {target.cluster}
              </Typography>
            </div>
            <IconButton
              aria-label="Close the evidence drawer"
              onClick={() => setOpen(false)}
            >
              <CloseIcon />
            </IconButton>
          </div>
          {open && <EvidenceContent entity={props.entity} target={target} />}
        </div>
      </Drawer>
    </>
  );
}

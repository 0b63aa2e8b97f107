import Typography from '@material-ui/core/Typography';
import { CrossplaneNode, orderTree } from '@paved/plugin-paved-common';
import { ConditionChip, StateChip } from './CrossplaneParts';
import { age, refLabel } from './format';
import { ObjectYaml } from './ObjectYaml';

function Events(props: { node: CrossplaneNode }) {
  const { events } = props.node;
  if (events.length === 0) return null;
  return (
    <details>
      <summary>
        <Typography variant="caption">Events ({events.length})</Typography>
      </summary>
      <ul aria-label={`Events of ${refLabel(props.node.ref)}`}>
        {events.map((e, i) => (
          <li key={i}>
            <Typography variant="body2">
              <strong>
                {e.type} {e.reason}
              </strong>
              {e.count > 1 ? ` ×${e.count}` : ''}
              {e.lastTimestamp
                ? ` · ${age(e.lastTimestamp) ?? e.lastTimestamp}`
                : ''}
              : {e.message}
            </Typography>
          </li>
        ))}
      </ul>
    </details>
  );
}

function NodeItem(props: { node: CrossplaneNode }) {
  const { node } = props;
  return (
    <li aria-label={refLabel(node.ref)} style={{ margin: '8px 0' }}>
      <Typography variant="body2" component="div">
        <em>{node.role}</em> <strong>{refLabel(node.ref)}</strong>{' '}
        <StateChip state={node.state} />{' '}
        <ConditionChip condition={node.synced} />{' '}
        <ConditionChip condition={node.ready} />
      </Typography>
      {node.problem && (
        <Typography variant="body2" color="error">
          {node.problem}
        </Typography>
      )}
      {(node.synced.status === 'False' || node.ready.status === 'False') &&
        (node.synced.message ?? node.ready.message) && (
          <Typography variant="body2" color="textSecondary">
            {node.synced.status === 'False'
              ? node.synced.message
              : node.ready.message}
          </Typography>
        )}
      {node.yaml && <ObjectYaml objectRef={node.ref} yaml={node.yaml} />}
      <Events node={node} />
      {node.children.length > 0 && <NodeList nodes={node.children} />}
    </li>
  );
}

function NodeList(props: { nodes: CrossplaneNode[]; label?: string }) {
  return (
    <ul aria-label={props.label} style={{ listStyle: 'none', paddingLeft: 16 }}>
      {props.nodes.map((child, i) => (
        <NodeItem
          key={`${child.ref.kind}/${child.ref.name}/${i}`}
          node={child}
        />
      ))}
    </ul>
  );
}

/** Claim -> composite -> managed resources, not-ready first at every level. */
export function ClaimTree(props: { root: CrossplaneNode }) {
  const root = orderTree(props.root);
  return (
    <NodeList nodes={[root]} label={`Resources of ${refLabel(root.ref)}`} />
  );
}

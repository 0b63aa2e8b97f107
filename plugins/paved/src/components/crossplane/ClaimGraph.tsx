import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { useTheme } from '@material-ui/core/styles';
import {
  claimGraph,
  CrossplaneGraphNode,
  CrossplaneNode,
  CrossplaneNodeState,
} from '@paved/plugin-paved-common';
import { useMemo } from 'react';
import { Tone, toneColour } from '../common/tones';
import { refLabel } from './format';

/** Same meaning as the tree's state chips. */
export const GRAPH_STATE_TONE: Record<CrossplaneNodeState, Tone> = {
  ready: 'ok',
  'not-ready': 'error',
  missing: 'error',
  unreadable: 'warning',
  deleting: 'warning',
  unknown: 'warning',
};

const WIDTH = 220;
const HEIGHT = 56;

function GraphNode(props: { node: CrossplaneGraphNode }) {
  const theme = useTheme();
  const { node } = props;
  const tone = GRAPH_STATE_TONE[node.state];
  const colour = toneColour(theme, tone);
  const label = refLabel(node.ref);
  // Long names are cut in the box; the full name is the node's label.
  const short = (s: string) => (s.length > 28 ? `${s.slice(0, 27)}…` : s);
  return (
    <g
      role="img"
      aria-label={`${node.role} ${label}: ${node.state}`}
      data-state={node.state}
    >
      <title>{`${node.role} ${label}: ${node.state}`}</title>
      <rect
        width={WIDTH}
        height={HEIGHT}
        rx={6}
        fill={theme.palette.background.paper}
        stroke={colour}
        strokeWidth={tone === 'error' ? 3 : 2}
        data-testid="graph-node-box"
      />
      <text
        x={10}
        y={20}
        fontSize={11}
        fill={theme.palette.text.secondary}
      >{`${node.role} · ${node.state}`}</text>
      <text x={10} y={40} fontSize={13} fill={theme.palette.text.primary}>
        {short(`${node.ref.kind} ${node.ref.name}`)}
      </text>
    </g>
  );
}

/**
 * Claim -> composite -> managed resources as a graph, laid out by
 * Backstage's DependencyGraph (dagre); each box's border carries the
 * object's state in the theme's success, warning or error colour.
 */
export function ClaimGraph(props: { root: CrossplaneNode }) {
  // New arrays would make DependencyGraph lay out again on every render.
  const { nodes, edges } = useMemo(() => claimGraph(props.root), [props.root]);
  return (
    <div aria-label={`Graph of ${refLabel(props.root.ref)}`} role="figure">
      <DependencyGraph<CrossplaneGraphNode, {}>
        nodes={nodes}
        edges={edges}
        direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
        renderNode={({ node }) => <GraphNode node={node} />}
        rankMargin={60}
        nodeMargin={20}
        paddingX={10}
        paddingY={10}
        showArrowHeads
        fit="contain"
        zoom="enable-on-click"
        style={{ width: '100%', maxHeight: 480 }}
      />
    </div>
  );
}

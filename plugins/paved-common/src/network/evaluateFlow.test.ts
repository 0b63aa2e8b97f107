import { allowedFlows, evaluateFlow } from './evaluateFlow';
import { external, pod, policy } from './testing';
import { DirectionVerdict, Flow, NetworkPolicyLike } from './types';

// The policies of the upstream NetworkPolicy concept page, in our words.
const testNetworkPolicy = policy('default', 'test-network-policy', {
  podSelector: { matchLabels: { role: 'db' } },
  policyTypes: ['Ingress', 'Egress'],
  ingress: [
    {
      from: [
        { ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } },
        { namespaceSelector: { matchLabels: { project: 'myproject' } } },
        { podSelector: { matchLabels: { role: 'frontend' } } },
      ],
      ports: [{ protocol: 'TCP', port: 6379 }],
    },
  ],
  egress: [
    {
      to: [{ ipBlock: { cidr: '10.0.0.0/24' } }],
      ports: [{ protocol: 'TCP', port: 5978 }],
    },
  ],
});
const defaultDenyIngress = policy('default', 'default-deny-ingress', {
  podSelector: {},
  policyTypes: ['Ingress'],
});
const allowAllIngress = policy('default', 'allow-all-ingress', {
  podSelector: {},
  ingress: [{}],
  policyTypes: ['Ingress'],
});
const defaultDenyEgress = policy('default', 'default-deny-egress', {
  podSelector: {},
  policyTypes: ['Egress'],
});
const allowAllEgress = policy('default', 'allow-all-egress', {
  podSelector: {},
  egress: [{}],
  policyTypes: ['Egress'],
});
const defaultDenyAll = policy('default', 'default-deny-all', {
  podSelector: {},
  policyTypes: ['Ingress', 'Egress'],
});
const multiPortEgress = policy('default', 'multi-port-egress', {
  podSelector: { matchLabels: { role: 'db' } },
  policyTypes: ['Egress'],
  egress: [
    {
      to: [{ ipBlock: { cidr: '10.0.0.0/24' } }],
      ports: [{ protocol: 'TCP', port: 32000, endPort: 32768 }],
    },
  ],
});
// One peer: pods labelled role=client in namespaces labelled user=alice.
const andPeer = policy('default', 'and-peer', {
  podSelector: { matchLabels: { role: 'db' } },
  ingress: [
    {
      from: [
        {
          namespaceSelector: { matchLabels: { user: 'alice' } },
          podSelector: { matchLabels: { role: 'client' } },
        },
      ],
    },
  ],
});
// Two peers: any pod in user=alice namespaces, or role=client pods of default.
const orPeers = policy('default', 'or-peers', {
  podSelector: { matchLabels: { role: 'db' } },
  ingress: [
    {
      from: [
        { namespaceSelector: { matchLabels: { user: 'alice' } } },
        { podSelector: { matchLabels: { role: 'client' } } },
      ],
    },
  ],
});
const byNamespaceName = policy('default', 'from-monitoring', {
  podSelector: {},
  ingress: [
    {
      from: [
        {
          namespaceSelector: {
            matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' },
          },
        },
      ],
    },
  ],
});

const db = pod('default', { role: 'db' });
const frontend = pod('default', { role: 'frontend' });
const other = pod('default', { role: 'other' });
const myproject = pod(
  'team-a',
  { app: 'anything' },
  { namespaceLabels: { project: 'myproject' } },
);
const frontendElsewhere = pod('team-b', { role: 'frontend' });
const aliceClient = pod(
  'alice',
  { role: 'client' },
  { namespaceLabels: { user: 'alice' } },
);
const aliceOther = pod(
  'alice',
  { role: 'batch' },
  { namespaceLabels: { user: 'alice' } },
);
const localClient = pod('default', { role: 'client' });
// No kubernetes.io/metadata.name given: the namespace name stands in for it.
const prometheus = pod('monitoring', { app: 'prometheus' });
const impostor = pod(
  'apps',
  { app: 'prometheus' },
  {
    namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' },
  },
);

interface Case {
  name: string;
  policies: NetworkPolicyLike[];
  flow: Flow;
  allowed: boolean;
  egress?: Partial<DirectionVerdict>;
  ingress?: Partial<DirectionVerdict>;
}

const T = 'default/test-network-policy';

const cases: Case[] = [
  // test-network-policy, ingress side
  {
    name: 'role=frontend in the same namespace reaches db on TCP 6379',
    policies: [testNetworkPolicy],
    flow: { from: frontend, to: db, port: 6379 },
    allowed: true,
    egress: { isolatedBy: [], allowedBy: [] },
    ingress: { isolatedBy: [T], allowedBy: [T] },
  },
  {
    name: 'role=frontend is refused on another port',
    policies: [testNetworkPolicy],
    flow: { from: frontend, to: db, port: 6380 },
    allowed: false,
    ingress: { allowed: false, isolatedBy: [T], allowedBy: [] },
  },
  {
    name: 'role=frontend is refused over UDP',
    policies: [testNetworkPolicy],
    flow: { from: frontend, to: db, port: 6379, protocol: 'UDP' },
    allowed: false,
  },
  {
    name: 'any pod of a project=myproject namespace reaches db',
    policies: [testNetworkPolicy],
    flow: { from: myproject, to: db, port: 6379 },
    allowed: true,
  },
  {
    name: 'role=frontend in another namespace is refused (podSelector alone is same-namespace)',
    policies: [testNetworkPolicy],
    flow: { from: frontendElsewhere, to: db, port: 6379 },
    allowed: false,
  },
  {
    name: 'another pod of the namespace is refused',
    policies: [testNetworkPolicy],
    flow: { from: other, to: db, port: 6379 },
    allowed: false,
  },
  {
    name: 'an address in 172.17.0.0/16 reaches db',
    policies: [testNetworkPolicy],
    flow: { from: external('172.17.0.9'), to: db, port: 6379 },
    allowed: true,
  },
  {
    name: 'an address in the excepted 172.17.1.0/24 is refused',
    policies: [testNetworkPolicy],
    flow: { from: external('172.17.1.9'), to: db, port: 6379 },
    allowed: false,
  },
  {
    name: 'pods that role=db does not select are not isolated',
    policies: [testNetworkPolicy],
    flow: { from: other, to: frontend, port: 80 },
    allowed: true,
    ingress: { isolatedBy: [] },
  },
  // test-network-policy, egress side
  {
    name: 'db reaches 10.0.0.0/24 on TCP 5978',
    policies: [testNetworkPolicy],
    flow: { from: db, to: external('10.0.0.5'), port: 5978 },
    allowed: true,
    egress: { isolatedBy: [T], allowedBy: [T] },
    ingress: { isolatedBy: [], allowedBy: [] },
  },
  {
    name: 'db is refused 10.0.0.0/24 on another port',
    policies: [testNetworkPolicy],
    flow: { from: db, to: external('10.0.0.5'), port: 5979 },
    allowed: false,
  },
  {
    name: 'db is refused an address outside 10.0.0.0/24',
    policies: [testNetworkPolicy],
    flow: { from: db, to: external('10.0.1.5'), port: 5978 },
    allowed: false,
  },
  {
    name: 'db is refused a pod without a known IP',
    policies: [testNetworkPolicy],
    flow: { from: db, to: frontend, port: 5978 },
    allowed: false,
    egress: { allowed: false },
    ingress: { allowed: true },
  },
  {
    name: 'db reaches a pod whose IP is in the ipBlock (our choice: pod IPs count)',
    policies: [testNetworkPolicy],
    flow: { from: db, to: { ...frontend, ip: '10.0.0.20' }, port: 5978 },
    allowed: true,
  },
  // default deny / allow all
  {
    name: 'default deny ingress refuses a pod of the namespace',
    policies: [defaultDenyIngress],
    flow: { from: frontend, to: other, port: 80 },
    allowed: false,
    ingress: { isolatedBy: ['default/default-deny-ingress'], allowedBy: [] },
  },
  {
    name: 'default deny ingress leaves egress open',
    policies: [defaultDenyIngress],
    flow: { from: other, to: external('8.8.8.8'), port: 53, protocol: 'UDP' },
    allowed: true,
  },
  {
    name: 'default deny ingress does not reach into other namespaces',
    policies: [defaultDenyIngress],
    flow: { from: other, to: frontendElsewhere, port: 80 },
    allowed: true,
  },
  {
    name: 'allow all ingress overrides default deny (policies add up)',
    policies: [defaultDenyIngress, allowAllIngress],
    flow: { from: external('203.0.113.7'), to: db, port: 443 },
    allowed: true,
    ingress: {
      isolatedBy: ['default/default-deny-ingress', 'default/allow-all-ingress'],
      allowedBy: ['default/allow-all-ingress'],
    },
  },
  {
    name: 'default deny egress refuses leaving the namespace',
    policies: [defaultDenyEgress],
    flow: { from: other, to: frontendElsewhere, port: 80 },
    allowed: false,
    egress: { isolatedBy: ['default/default-deny-egress'] },
  },
  {
    name: 'default deny egress leaves ingress open',
    policies: [defaultDenyEgress],
    flow: { from: frontendElsewhere, to: other, port: 80 },
    allowed: true,
  },
  {
    name: 'allow all egress overrides default deny egress',
    policies: [defaultDenyEgress, allowAllEgress],
    flow: { from: other, to: external('198.51.100.1'), port: 443 },
    allowed: true,
    egress: { allowedBy: ['default/allow-all-egress'] },
  },
  {
    name: 'default deny all refuses traffic between two pods of the namespace',
    policies: [defaultDenyAll],
    flow: { from: frontend, to: db, port: 6379 },
    allowed: false,
    egress: { allowed: false },
    ingress: { allowed: false },
  },
  {
    name: 'default deny all does not isolate pods of other namespaces',
    policies: [defaultDenyAll],
    flow: { from: frontendElsewhere, to: myproject, port: 80 },
    allowed: true,
  },
  // endPort
  ...[31999, 32000, 32500, 32768, 32769].map<Case>(port => ({
    name: `endPort 32000-32768, port ${port}`,
    policies: [multiPortEgress],
    flow: { from: db, to: external('10.0.0.1'), port },
    allowed: port >= 32000 && port <= 32768,
  })),
  // namespaceSelector AND podSelector vs two peers
  {
    name: 'AND peer: client pod in an alice namespace is allowed',
    policies: [andPeer],
    flow: { from: aliceClient, to: db, port: 5432 },
    allowed: true,
  },
  {
    name: 'AND peer: another pod in an alice namespace is refused',
    policies: [andPeer],
    flow: { from: aliceOther, to: db, port: 5432 },
    allowed: false,
  },
  {
    name: 'AND peer: a client pod outside alice namespaces is refused',
    policies: [andPeer],
    flow: { from: localClient, to: db, port: 5432 },
    allowed: false,
  },
  {
    name: 'OR peers: any pod in an alice namespace is allowed',
    policies: [orPeers],
    flow: { from: aliceOther, to: db, port: 5432 },
    allowed: true,
  },
  {
    name: 'OR peers: a client pod of the policy namespace is allowed',
    policies: [orPeers],
    flow: { from: localClient, to: db, port: 5432 },
    allowed: true,
  },
  {
    name: 'OR peers: a non-client pod of the policy namespace is refused',
    policies: [orPeers],
    flow: { from: other, to: db, port: 5432 },
    allowed: false,
  },
  // a namespace by name
  {
    name: 'kubernetes.io/metadata.name selects the monitoring namespace even when not listed',
    policies: [byNamespaceName],
    flow: { from: prometheus, to: db, port: 9090 },
    allowed: true,
  },
  {
    name: 'a forged kubernetes.io/metadata.name label does not count',
    policies: [byNamespaceName],
    flow: { from: impostor, to: db, port: 9090 },
    allowed: false,
  },
  // policy types defaulting
  {
    name: 'without policyTypes, egress rules make the policy isolate egress too',
    policies: [
      policy('default', 'egress-only-rules', {
        podSelector: {},
        egress: [{ to: [{ podSelector: {} }] }],
      }),
    ],
    flow: { from: other, to: external('1.1.1.1'), port: 443 },
    allowed: false,
    egress: { isolatedBy: ['default/egress-only-rules'] },
  },
  {
    name: 'without policyTypes, an empty egress list does not isolate egress',
    policies: [
      policy('default', 'empty-egress', { podSelector: {}, egress: [] }),
    ],
    flow: { from: other, to: external('1.1.1.1'), port: 443 },
    allowed: true,
  },
  {
    name: 'without policyTypes, a policy isolates ingress',
    policies: [
      policy('default', 'implicit-ingress', { podSelector: {}, egress: [{}] }),
    ],
    flow: { from: frontendElsewhere, to: other, port: 80 },
    allowed: false,
    ingress: { isolatedBy: ['default/implicit-ingress'] },
  },
  {
    name: 'a policy with Egress type only leaves ingress open even with ingress rules',
    policies: [
      policy('default', 'egress-typed', {
        podSelector: {},
        policyTypes: ['Egress'],
        ingress: [
          { from: [{ podSelector: { matchLabels: { nobody: 'x' } } }] },
        ],
        egress: [{}],
      }),
    ],
    flow: { from: frontendElsewhere, to: other, port: 80 },
    allowed: true,
  },
  {
    name: 'an empty namespaceSelector peer admits pods of every namespace',
    policies: [
      policy('default', 'all-namespaces', {
        podSelector: {},
        ingress: [{ from: [{ namespaceSelector: {} }] }],
      }),
    ],
    flow: { from: frontendElsewhere, to: other, port: 80 },
    allowed: true,
  },
  {
    name: 'an empty namespaceSelector peer does not admit outside addresses',
    policies: [
      policy('default', 'all-namespaces', {
        podSelector: {},
        ingress: [{ from: [{ namespaceSelector: {} }] }],
      }),
    ],
    flow: { from: external('10.9.9.9'), to: other, port: 80 },
    allowed: false,
  },
  {
    name: 'a named port in an egress rule is resolved on the destination pod',
    policies: [
      policy('default', 'egress-named', {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          { to: [{ namespaceSelector: {} }], ports: [{ port: 'http' }] },
        ],
      }),
    ],
    flow: {
      from: other,
      to: { ...frontendElsewhere, namedPorts: { http: { port: 8080 } } },
      port: 8080,
    },
    allowed: true,
  },
  // hostNetwork and external endpoints
  {
    name: 'a hostNetwork destination is not isolated',
    policies: [defaultDenyAll],
    flow: {
      from: frontendElsewhere,
      to: { ...db, hostNetwork: true },
      port: 10250,
    },
    allowed: true,
    ingress: { isolatedBy: [], allowedBy: [] },
  },
  {
    name: 'a hostNetwork source is not matched by podSelector',
    policies: [testNetworkPolicy],
    flow: { from: { ...frontend, hostNetwork: true }, to: db, port: 6379 },
    allowed: false,
  },
  {
    name: 'a hostNetwork source is matched by ipBlock through its node IP',
    policies: [testNetworkPolicy],
    flow: {
      from: { ...frontend, hostNetwork: true, ip: '172.17.3.4' },
      to: db,
      port: 6379,
    },
    allowed: true,
  },
  {
    name: 'a flow between two external endpoints is outside policy',
    policies: [defaultDenyAll],
    flow: {
      from: external('1.2.3.4'),
      to: external('5.6.7.8', 'api'),
      port: 443,
    },
    allowed: true,
  },
  {
    name: 'IPv6 ipBlock',
    policies: [
      policy('default', 'v6', {
        podSelector: {},
        ingress: [
          {
            from: [
              {
                ipBlock: {
                  cidr: '2001:db8::/32',
                  except: ['2001:db8:bad::/48'],
                },
              },
            ],
          },
        ],
      }),
    ],
    flow: { from: external('2001:db8:1::1'), to: db, port: 443 },
    allowed: true,
  },
  {
    name: 'IPv6 ipBlock except',
    policies: [
      policy('default', 'v6', {
        podSelector: {},
        ingress: [
          {
            from: [
              {
                ipBlock: {
                  cidr: '2001:db8::/32',
                  except: ['2001:db8:bad::/48'],
                },
              },
            ],
          },
        ],
      }),
    ],
    flow: { from: external('2001:db8:bad::1'), to: db, port: 443 },
    allowed: false,
  },
];

describe('evaluateFlow', () => {
  it.each(cases.map(c => [c.name, c] as const))('%s', (_name, c) => {
    const verdict = evaluateFlow(c.policies, c.flow);
    expect(verdict.allowed).toBe(c.allowed);
    expect(verdict.allowed).toBe(
      verdict.egress.allowed && verdict.ingress.allowed,
    );
    expect(verdict.egress).toMatchObject(c.egress ?? {});
    expect(verdict.ingress).toMatchObject(c.ingress ?? {});
    expect(verdict.reason).toMatch(c.allowed ? /^Allowed: / : /^Denied: /);
  });

  it('explains a denial by naming the isolating policy', () => {
    const verdict = evaluateFlow([testNetworkPolicy], {
      from: other,
      to: db,
      port: 6379,
    });
    expect(verdict.reason).toBe(
      'Denied: TCP 6379 from pod {role=other} in namespace default to pod {role=db} in namespace default: ' +
        'ingress of the destination is isolated by default/test-network-policy and no rule there allows this flow.',
    );
  });

  it('explains an allowed flow for both directions', () => {
    const verdict = evaluateFlow([testNetworkPolicy], {
      from: db,
      to: external('10.0.0.5', 'backup'),
      port: 5978,
    });
    expect(verdict.reason).toBe(
      'Allowed: TCP 5978 from pod {role=db} in namespace default to backup (10.0.0.5): ' +
        'egress of the source is allowed by default/test-network-policy; ' +
        'ingress is not restricted because the destination is not a pod.',
    );
  });
});

describe('allowedFlows', () => {
  it('returns one verdict per flow, in order', () => {
    const verdicts = allowedFlows(
      [testNetworkPolicy],
      [
        { from: frontend, to: db, port: 6379 },
        { from: other, to: db, port: 6379 },
      ],
    );
    expect(verdicts.map(v => v.allowed)).toEqual([true, false]);
  });
});

describe('malformed input', () => {
  const flow: Flow = { from: frontend, to: db, port: 6379 };

  it.each<[string, any, RegExp]>([
    [
      'a spec that is not an object',
      policy('default', 'p', 'nope'),
      /^NetworkPolicy default\/p: spec: must be an object/,
    ],
    [
      'a podSelector that is a string',
      policy('default', 'p', { podSelector: 'role=db' }),
      /NetworkPolicy default\/p: spec\.podSelector: must be a label selector object, got "role=db"/,
    ],
    [
      'an unknown operator',
      policy('default', 'p', {
        podSelector: {
          matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }],
        },
      }),
      /NetworkPolicy default\/p: spec\.podSelector\.matchExpressions\[0\]\.operator: unknown operator "Equals"/,
    ],
    [
      'a bad cidr',
      policy('default', 'p', {
        podSelector: {},
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/99' } }] }],
      }),
      /NetworkPolicy default\/p: spec\.ingress\[0\]\.from\[0\]\.ipBlock\.cidr: "10\.0\.0\.0\/99" is not a valid CIDR/,
    ],
    [
      'a bad policy type',
      policy('default', 'p', { podSelector: {}, policyTypes: ['ingress'] }),
      /spec\.policyTypes\[0\]: "ingress" is not Ingress or Egress/,
    ],
    [
      'an empty peer',
      policy('default', 'p', { podSelector: {}, ingress: [{ from: [{}] }] }),
      /from\[0\]: must set podSelector, namespaceSelector or ipBlock/,
    ],
    [
      'ipBlock mixed with a selector',
      policy('default', 'p', {
        podSelector: {},
        egress: [
          { to: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] },
        ],
      }),
      /egress\[0\]\.to\[0\]: ipBlock cannot be combined/,
    ],
    [
      'ingress that is not a list',
      policy('default', 'p', { podSelector: {}, ingress: { from: [] } }),
      /spec\.ingress: must be a list/,
    ],
    [
      'a policy without a namespace',
      { metadata: { name: 'p' }, spec: {} },
      /policies\[0\]\.metadata: needs a name and a namespace/,
    ],
  ])('throws for %s', (_name, bad, message) => {
    expect(() => evaluateFlow([bad], flow)).toThrow(message);
  });

  it('validates every policy, even ones that do not apply to the flow', () => {
    const elsewhere = policy('team-z', 'broken', {
      podSelector: { matchLabels: 'x' },
    });
    expect(() => evaluateFlow([elsewhere], flow)).toThrow(
      /NetworkPolicy team-z\/broken/,
    );
  });

  it.each<[string, Flow, RegExp]>([
    [
      'a port out of range',
      { from: frontend, to: db, port: 70000 },
      /flow\.port: 70000 is not a port number/,
    ],
    [
      'a bad endpoint IP',
      { from: external('not-an-ip'), to: db, port: 80 },
      /flow\.from\.ip: "not-an-ip" is not an IP address/,
    ],
    [
      'an unknown protocol',
      { from: frontend, to: db, port: 80, protocol: 'ICMP' as any },
      /flow\.protocol: "ICMP"/,
    ],
  ])('throws for a flow with %s', (_name, bad, message) => {
    expect(() => evaluateFlow([], bad)).toThrow(message);
  });
});

import { compilePorts, portsMatch } from './ports';
import { external, pod } from './testing';
import { Endpoint, Protocol } from './types';

const where = { policy: 'default/p', path: 'ports' };
const web = pod(
  'default',
  { app: 'web' },
  {
    namedPorts: { http: { port: 8080 }, dns: { port: 53, protocol: 'UDP' } },
  },
);

describe('portsMatch', () => {
  it.each<[string, unknown, number, Protocol, Endpoint, boolean]>([
    ['no ports means all', undefined, 1234, 'UDP', web, true],
    ['an empty list means all', [], 1234, 'SCTP', web, true],
    ['a number', [{ port: 6379 }], 6379, 'TCP', web, true],
    ['protocol defaults to TCP', [{ port: 6379 }], 6379, 'UDP', web, false],
    [
      'a protocol alone means all its ports',
      [{ protocol: 'UDP' }],
      9999,
      'UDP',
      web,
      true,
    ],
    [
      'endPort lower bound',
      [{ port: 32000, endPort: 32768 }],
      32000,
      'TCP',
      web,
      true,
    ],
    [
      'endPort upper bound',
      [{ port: 32000, endPort: 32768 }],
      32768,
      'TCP',
      web,
      true,
    ],
    [
      'above endPort',
      [{ port: 32000, endPort: 32768 }],
      32769,
      'TCP',
      web,
      false,
    ],
    [
      'below the range',
      [{ port: 32000, endPort: 32768 }],
      31999,
      'TCP',
      web,
      false,
    ],
    [
      'a named port on the destination',
      [{ port: 'http' }],
      8080,
      'TCP',
      web,
      true,
    ],
    ['a named port, other number', [{ port: 'http' }], 8081, 'TCP', web, false],
    [
      'a named UDP port needs protocol UDP',
      [{ port: 'dns' }],
      53,
      'TCP',
      web,
      false,
    ],
    [
      'a named UDP port with protocol UDP',
      [{ port: 'dns', protocol: 'UDP' }],
      53,
      'UDP',
      web,
      true,
    ],
    ['a name the pod lacks', [{ port: 'metrics' }], 8080, 'TCP', web, false],
    [
      'a name on an external destination',
      [{ port: 'http' }],
      8080,
      'TCP',
      external('1.2.3.4'),
      false,
    ],
  ])('%s', (_name, raw, port, protocol, destination, expected) => {
    expect(
      portsMatch(compilePorts(raw, where), port, protocol, destination),
    ).toBe(expected);
  });

  it.each<[string, unknown, RegExp]>([
    [
      'endPort with a named port',
      [{ port: 'http', endPort: 9000 }],
      /ports\[0\]\.endPort: needs a numeric port/,
    ],
    ['endPort without port', [{ endPort: 9000 }], /needs a numeric port/],
    [
      'endPort below port',
      [{ port: 9000, endPort: 8000 }],
      /endPort: 8000 must be a port number no less than port 9000/,
    ],
    ['port 0', [{ port: 0 }], /ports\[0\]\.port: 0 is not a port number/],
    [
      'a numeric string',
      [{ port: '8080' }],
      /"8080" is neither a port number nor a valid port name/,
    ],
    [
      'an unknown protocol',
      [{ protocol: 'ICMP' }],
      /ports\[0\]\.protocol: "ICMP" is not TCP, UDP or SCTP/,
    ],
    [
      'not a list',
      { port: 80 },
      /^NetworkPolicy default\/p: ports: must be a list/,
    ],
  ])('refuses %s', (_name, raw, message) => {
    expect(() => compilePorts(raw, where)).toThrow(message);
  });
});

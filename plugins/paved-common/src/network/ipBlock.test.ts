import {
  cidrContainsIp,
  compileIpBlock,
  ipBlockMatches,
  parseCidr,
  parseIp,
} from './ipBlock';

function contains(cidr: string, ip: string): boolean {
  const range = parseCidr(cidr);
  const address = parseIp(ip);
  if (!range || !address) throw new Error(`bad test input ${cidr} ${ip}`);
  return cidrContainsIp(range, address);
}

describe('CIDR maths', () => {
  it.each<[string, string, boolean]>([
    ['172.17.0.0/16', '172.17.200.3', true],
    ['172.17.0.0/16', '172.18.0.1', false],
    ['0.0.0.0/0', '203.0.113.9', true],
    ['10.0.0.7/32', '10.0.0.7', true],
    ['10.0.0.7/32', '10.0.0.8', false],
    ['10.0.0.1/24', '10.0.0.254', true], // host bits are cleared
    ['10.0.0.0/31', '10.0.0.1', true],
    ['::/0', '2001:db8::1', true],
    ['::/0', '10.0.0.1', false], // families never mix
    ['0.0.0.0/0', '::1', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['fd00::/8', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', true],
    ['2001:db8::1/128', '2001:0db8:0000:0000:0000:0000:0000:0001', true],
    ['::ffff:0:0/96', '::ffff:192.0.2.1', true],
  ])('%s contains %s: %s', (cidr, ip, expected) => {
    expect(contains(cidr, ip)).toBe(expected);
  });

  it.each([
    '10.0.0.0',
    '10.0.0.0/33',
    '10.0.0/8',
    '256.0.0.0/8',
    '010.0.0.0/8',
    '10.0.0.0/08',
    '10.0.0.0/-1',
    '::/129',
    '1:2:3:4:5:6:7:8:9/64',
    '1::2::3/64',
    'fe80::1%eth0/64',
    'gggg::/16',
    '',
  ])('refuses malformed CIDR %j', text => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('ipBlock', () => {
  const where = { policy: 'default/p', path: 'ipBlock' };

  it('excludes the except ranges', () => {
    const block = compileIpBlock(
      { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] },
      where,
    );
    expect(ipBlockMatches(block, parseIp('172.17.0.5')!)).toBe(true);
    expect(ipBlockMatches(block, parseIp('172.17.1.5')!)).toBe(false);
    expect(ipBlockMatches(block, parseIp('172.16.0.5')!)).toBe(false);
  });

  it.each<[string, unknown, RegExp]>([
    [
      'a malformed cidr',
      { cidr: '172.17.0.0/40' },
      /^NetworkPolicy default\/p: ipBlock\.cidr: "172\.17\.0\.0\/40" is not a valid CIDR$/,
    ],
    ['a missing cidr', {}, /ipBlock\.cidr: undefined is not a valid CIDR/],
    [
      'a malformed except',
      { cidr: '10.0.0.0/8', except: ['10.1.0.0/x'] },
      /ipBlock\.except\[0\]: "10\.1\.0\.0\/x" is not a valid CIDR/,
    ],
    [
      'an except outside the cidr',
      { cidr: '10.0.0.0/8', except: ['11.0.0.0/16'] },
      /not strictly inside cidr "10\.0\.0\.0\/8"/,
    ],
    [
      'an except equal to the cidr',
      { cidr: '10.0.0.0/8', except: ['10.0.0.0/8'] },
      /not strictly inside/,
    ],
    [
      'an IPv6 except in an IPv4 cidr',
      { cidr: '0.0.0.0/0', except: ['::/1'] },
      /not strictly inside/,
    ],
  ])('refuses %s', (_name, raw, message) => {
    expect(() => compileIpBlock(raw, where)).toThrow(message);
  });
});

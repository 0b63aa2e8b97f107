import { at, fail, isObject, show, Where } from './errors';

/** An IPv4 or IPv6 address as a number, so CIDR checks are plain bit maths. */
export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

/** A CIDR range; host bits of the written address are cleared. */
export interface Cidr {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    // Leading zeros are refused: some tools read them as octal, others not.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string): string[] | undefined => {
    if (s === '') return [];
    const groups = s.split(':');
    const last = groups[groups.length - 1];
    // A dotted IPv4 tail (e.g. ::ffff:10.0.0.1) fills the last two groups.
    if (last.includes('.')) {
      const v4 = parseIpv4(last);
      if (v4 === undefined) return undefined;
      groups.splice(
        -1,
        1,
        (v4 >> 16n).toString(16),
        (v4 & 0xffffn).toString(16),
      );
    }
    return groups.every(g => /^[0-9a-fA-F]{1,4}$/.test(g)) ? groups : undefined;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return undefined;
  // An IPv4 tail is only allowed at the very end of the address.
  if (halves.length === 2 && halves[0].includes('.')) return undefined;
  const explicit = head.length + tail.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return undefined;
  const groups = [...head, ...Array(8 - explicit).fill('0'), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** Parses an IPv4 or IPv6 address; undefined when it is not one. */
export function parseIp(text: string): IpAddress | undefined {
  if (typeof text !== 'string') return undefined;
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { family: 4, value };
}

/** Parses "address/prefix" (IPv4 /0../32, IPv6 /0../128); undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !/^(0|[1-9]\d{0,2})$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const bits = BITS[ip.family];
  if (prefix > bits) return undefined;
  // Kubernetes accepts host bits (10.0.0.1/24) and means the whole network.
  const hostBits = BigInt(bits - prefix);
  return {
    family: ip.family,
    base: (ip.value >> hostBits) << hostBits,
    prefix,
  };
}

/** Whether an address falls in a range; never across IPv4 and IPv6. */
export function cidrContainsIp(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.family !== ip.family) return false;
  const hostBits = BigInt(BITS[cidr.family] - cidr.prefix);
  return ip.value >> hostBits === cidr.base >> hostBits;
}

/** An ipBlock peer, validated. */
export interface CompiledIpBlock {
  cidr: Cidr;
  except: Cidr[];
}

/**
 * Validates an ipBlock as the API server does: a valid `cidr`, and each
 * `except` a valid range strictly inside it.
 */
export function compileIpBlock(raw: unknown, where: Where): CompiledIpBlock {
  if (!isObject(raw)) fail(where, `must be an object, got ${show(raw)}`);
  const cidr = parseCidr(raw.cidr as string);
  if (!cidr) fail(at(where, 'cidr'), `${show(raw.cidr)} is not a valid CIDR`);
  const except: Cidr[] = [];
  const rawExcept = raw.except;
  if (rawExcept !== undefined && rawExcept !== null) {
    if (!Array.isArray(rawExcept)) {
      fail(
        at(where, 'except'),
        `must be a list of CIDRs, got ${show(rawExcept)}`,
      );
    }
    rawExcept.forEach((text, i) => {
      const w = at(at(where, 'except'), i);
      const range = parseCidr(text);
      if (!range) fail(w, `${show(text)} is not a valid CIDR`);
      const inside =
        range.family === cidr.family &&
        range.prefix > cidr.prefix &&
        cidrContainsIp(cidr, { family: range.family, value: range.base });
      if (!inside) {
        fail(w, `${show(text)} is not strictly inside cidr ${show(raw.cidr)}`);
      }
      except.push(range);
    });
  }
  return { cidr, except };
}

/** Whether an address is in the block and in none of its exceptions. */
export function ipBlockMatches(block: CompiledIpBlock, ip: IpAddress): boolean {
  return (
    cidrContainsIp(block.cidr, ip) &&
    !block.except.some(range => cidrContainsIp(range, ip))
  );
}

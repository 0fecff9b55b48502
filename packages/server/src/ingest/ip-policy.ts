/**
 * Which IP addresses a user-supplied URL may reach: an ALLOW-global rule, not a denylist of "bad" ranges.
 *
 * IPv6: only the global-unicast block 2000::/3 is allowed, minus its special-purpose parts (IANA IPv6
 * special-purpose registry: 2001::/23 incl. Teredo, 2001:db8::/32, 2002::/16 6to4, 3fff::/20). Everything
 * outside 2000::/3 (loopback, unspecified, ULA fc00::/7 incl. AWS IMDS fd00:ec2::254, link-local, site-local,
 * multicast, discard 100::/64, SRv6 5f00::/16…) is refused. Addresses that carry an IPv4 address are unwrapped
 * and the IPv4 rule decides: IPv4-mapped ::ffff:0:0/96 (the kernel connects to the embedded IPv4) and the
 * NAT64 well-known prefix 64:ff9b::/96 (the gateway forwards to it). The other IPv4-carrying forms are refused
 * whatever they embed: IPv4-compatible ::/96 and IPv4-translated ::ffff:0:0:0/96 (deprecated), local-use NAT64
 * 64:ff9b:1::/48, 6to4 and Teredo (a relay would forward anywhere) — the embedded IPv4 is still named in the
 * reason, for the log.
 *
 * IPv4: refused when in a range the IANA IPv4 special-purpose registry marks not globally reachable, plus
 * multicast 224/4, reserved 240/4 and broadcast. Parsing is strict (dotted decimal only, as DNS answers and
 * WHATWG-canonicalised hosts are): anything else is not an address and is refused.
 *
 * Why hand-written: ipaddr.js `range() === 'unicast'` passes IPv4-compatible `::7f00:1` and needs the extra
 * unwrapping listed in SECURITY-TESTS.md §1.3; a 100-line table we test row by row is easier to audit.
 */

export interface AddressVerdict {
  allowed: boolean;
  /** Why, for the server log only (never sent to the client). */
  reason: string;
}

type Range = readonly [prefix: string, bits: number, name: string];

/** IPv4 ranges that are not globally reachable (IANA special-purpose registry + multicast/reserved). */
const IPV4_NOT_GLOBAL: readonly Range[] = [
  ['0.0.0.0', 8, 'this network (0/8)'],
  ['10.0.0.0', 8, 'private (10/8)'],
  ['100.64.0.0', 10, 'shared address space / CGNAT (100.64/10)'],
  ['127.0.0.0', 8, 'loopback (127/8)'],
  ['169.254.0.0', 16, 'link-local incl. cloud metadata (169.254/16)'],
  ['172.16.0.0', 12, 'private (172.16/12)'],
  ['192.0.0.0', 24, 'IETF protocol assignments (192.0.0/24)'],
  ['192.0.2.0', 24, 'documentation TEST-NET-1'],
  ['192.88.99.0', 24, 'deprecated 6to4 relay anycast'],
  ['192.168.0.0', 16, 'private (192.168/16)'],
  ['198.18.0.0', 15, 'benchmarking (198.18/15)'],
  ['198.51.100.0', 24, 'documentation TEST-NET-2'],
  ['203.0.113.0', 24, 'documentation TEST-NET-3'],
  ['224.0.0.0', 4, 'multicast (224/4)'],
  ['240.0.0.0', 4, 'reserved (240/4) incl. broadcast'],
];

/** Special-purpose parts of 2000::/3 that are not globally reachable (or route through a relay). */
const IPV6_GLOBAL_EXCEPTIONS: readonly Range[] = [
  ['2001::', 23, 'IETF protocol assignments (2001::/23, incl. Teredo 2001::/32)'],
  ['2001:db8::', 32, 'documentation (2001:db8::/32)'],
  ['2002::', 16, '6to4 (2002::/16)'],
  ['3fff::', 20, 'documentation (3fff::/20)'],
];

/** Classifies one address (textual, as from DNS or a URL host without brackets). */
export function classifyAddress(address: string): AddressVerdict {
  const v4 = parseIPv4(address);
  if (v4 !== null) return classifyIPv4(v4);
  const v6 = parseIPv6(address);
  if (v6 !== null) return classifyIPv6(v6);
  return { allowed: false, reason: `not an IP address: ${JSON.stringify(address.slice(0, 60))}` };
}

export function isGlobalUnicast(address: string): boolean {
  return classifyAddress(address).allowed;
}

function classifyIPv4(bytes: Uint8Array): AddressVerdict {
  const text = formatIPv4(bytes);
  for (const [prefix, bits, name] of IPV4_NOT_GLOBAL) {
    if (inRange(bytes, parseIPv4(prefix) as Uint8Array, bits))
      return { allowed: false, reason: `${text}: ${name}` };
  }
  return { allowed: true, reason: `${text}: global unicast` };
}

function classifyIPv6(b: Uint8Array): AddressVerdict {
  const zeros = (from: number, to: number) => b.subarray(from, to).every((x) => x === 0);
  const tail = (offset: number) => b.subarray(offset, offset + 4);
  const inner = (prefix: string, bits: number) => inRange(b, parseIPv6(prefix) as Uint8Array, bits);

  // IPv4-mapped ::ffff:a.b.c.d — the socket reaches the embedded IPv4 address.
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return unwrapped('IPv4-mapped', tail(12));
  // NAT64 well-known prefix 64:ff9b::/96 — the gateway forwards to the embedded IPv4 address.
  if (inner('64:ff9b::', 96)) return unwrapped('NAT64 64:ff9b::/96', tail(12));
  if (inner('64:ff9b:1::', 48)) return refusedWith('local-use NAT64 64:ff9b:1::/48', tail(12));
  if (inner('::ffff:0:0:0', 96)) return refusedWith('IPv4-translated ::ffff:0:0:0/96', tail(12));
  if (zeros(0, 12)) {
    if (zeros(12, 16)) return { allowed: false, reason: ':: unspecified' };
    if (zeros(12, 15) && b[15] === 1) return { allowed: false, reason: '::1 loopback' };
    return refusedWith('IPv4-compatible ::/96 (deprecated)', tail(12));
  }
  if (inner('2002::', 16)) return refusedWith('6to4 2002::/16', b.subarray(2, 6));
  if (inner('2001::', 32)) {
    // Teredo: the client IPv4 is stored inverted in the last 32 bits.
    return refusedWith(
      'Teredo 2001::/32',
      tail(12).map((x) => x ^ 0xff),
    );
  }
  if (!inner('2000::', 3))
    return { allowed: false, reason: `${formatIPv6(b)}: outside global unicast 2000::/3` };
  for (const [prefix, bits, name] of IPV6_GLOBAL_EXCEPTIONS) {
    if (inner(prefix, bits)) return { allowed: false, reason: `${formatIPv6(b)}: ${name}` };
  }
  return { allowed: true, reason: `${formatIPv6(b)}: global unicast` };
}

function unwrapped(form: string, v4: Uint8Array): AddressVerdict {
  const verdict = classifyIPv4(v4);
  return { allowed: verdict.allowed, reason: `${form} of ${verdict.reason}` };
}

function refusedWith(form: string, v4: Uint8Array): AddressVerdict {
  return { allowed: false, reason: `${form} (embeds ${formatIPv4(v4)})` };
}

function inRange(address: Uint8Array, prefix: Uint8Array, bits: number): boolean {
  if (address.length !== prefix.length) return false;
  for (let i = 0; i < bits; i++) {
    const byte = i >> 3;
    const mask = 0x80 >> (i & 7);
    if ((address[byte] & mask) !== (prefix[byte] & mask)) return false;
  }
  return true;
}

/** Strict dotted-decimal IPv4 (no octal, hex, shorthand or leading zeros) → 4 bytes, else null. */
export function parseIPv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i];
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return null;
    bytes[i] = Number(p);
  }
  return bytes;
}

/** IPv6 text (with `::` and an optional dotted IPv4 tail; no zone id) → 16 bytes, else null. */
export function parseIPv6(text: string): Uint8Array | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.length > 45) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIPv4(p);
        if (v4 === null) return null;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return null;
        out.push(Number.parseInt(p, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (head === null || rest === null) return null;
  // A dotted tail is only valid at the very end.
  if (halves.length === 2 && halves[0].includes('.')) return null;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...new Array<number>(missing).fill(0), ...rest];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

function formatIPv4(b: Uint8Array): string {
  return Array.from(b).join('.');
}

function formatIPv6(b: Uint8Array): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i] << 8) | b[i + 1]).toString(16));
  return groups.join(':');
}

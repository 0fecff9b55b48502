import { describe, expect, it } from 'vitest';
import { classifyAddress, parseIPv4, parseIPv6 } from './ip-policy';

/** [address, allowed, a word the logged reason must contain]. */
const table: [string, boolean, string][] = [
  // IPv4, not globally reachable
  ['0.0.0.0', false, '0/8'],
  ['0.1.2.3', false, '0/8'],
  ['10.0.0.1', false, 'private'],
  ['100.64.0.1', false, 'CGNAT'],
  ['100.100.100.200', false, 'CGNAT'],
  ['100.127.255.255', false, 'CGNAT'],
  ['127.0.0.1', false, 'loopback'],
  ['127.127.127.127', false, 'loopback'],
  ['169.254.169.254', false, 'metadata'],
  ['169.254.170.2', false, 'link-local'],
  ['172.16.0.1', false, 'private'],
  ['172.31.255.255', false, 'private'],
  ['192.0.0.8', false, '192.0.0/24'],
  ['192.0.2.1', false, 'documentation'],
  ['192.88.99.1', false, '6to4'],
  ['192.168.1.1', false, 'private'],
  ['198.18.0.1', false, 'benchmarking'],
  ['198.19.255.255', false, 'benchmarking'],
  ['198.51.100.7', false, 'documentation'],
  ['203.0.113.9', false, 'documentation'],
  ['224.0.0.1', false, 'multicast'],
  ['239.255.255.250', false, 'multicast'],
  ['240.0.0.1', false, 'reserved'],
  ['255.255.255.255', false, 'broadcast'],
  // IPv4, global (edges of the refused ranges)
  ['8.8.8.8', true, 'global'],
  ['1.1.1.1', true, 'global'],
  ['100.63.255.255', true, 'global'],
  ['100.128.0.0', true, 'global'],
  ['172.15.255.255', true, 'global'],
  ['172.32.0.0', true, 'global'],
  ['169.253.255.255', true, 'global'],
  ['198.17.255.255', true, 'global'],
  ['198.20.0.0', true, 'global'],
  ['223.255.255.255', true, 'global'],
  // IPv6 outside 2000::/3 or special
  ['::', false, 'unspecified'],
  ['::1', false, 'loopback'],
  ['0:0:0:0:0:0:0:1', false, 'loopback'],
  ['fc00::1', false, '2000::/3'],
  ['fd12::1', false, '2000::/3'],
  ['fd00:ec2::254', false, '2000::/3'],
  ['fe80::1', false, '2000::/3'],
  ['fec0::1', false, '2000::/3'],
  ['ff02::1', false, '2000::/3'],
  ['100::1', false, '2000::/3'],
  ['5f00::1', false, '2000::/3'],
  ['2001:db8::1', false, 'documentation'],
  ['2001:0:1::1', false, 'Teredo'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false, 'embeds 192.0.2.45'],
  ['2002:7f00:1::', false, 'embeds 127.0.0.1'],
  ['2002:808:808::', false, '6to4'],
  ['3fff::1', false, 'documentation'],
  // IPv4 inside IPv6: unwrapped
  ['::ffff:127.0.0.1', false, 'IPv4-mapped of 127.0.0.1: loopback'],
  ['::ffff:7f00:1', false, 'loopback'],
  ['0:0:0:0:0:ffff:127.0.0.1', false, 'loopback'],
  ['::ffff:a9fe:a9fe', false, 'metadata'],
  ['::ffff:8.8.8.8', true, 'IPv4-mapped of 8.8.8.8'],
  ['::127.0.0.1', false, 'IPv4-compatible'],
  ['::7f00:1', false, 'embeds 127.0.0.1'],
  ['::808:808', false, 'IPv4-compatible'],
  ['::ffff:0:7f00:1', false, 'IPv4-translated'],
  ['64:ff9b::7f00:1', false, 'NAT64 64:ff9b::/96 of 127.0.0.1: loopback'],
  ['64:ff9b::a9fe:a9fe', false, 'metadata'],
  ['64:ff9b::808:808', true, 'NAT64'],
  ['64:ff9b:1::a9fe:a9fe', false, 'local-use NAT64'],
  // IPv6 global
  ['2606:4700:4700::1111', true, 'global'],
  ['2a00:1450:4001:82a::200e', true, 'global'],
  ['2001:200::1', true, 'global'],
  // not addresses at all
  ['0x7f000001', false, 'not an IP'],
  ['0177.0.0.1', false, 'not an IP'],
  ['127.1', false, 'not an IP'],
  ['2130706433', false, 'not an IP'],
  ['fe80::1%eth0', false, 'not an IP'],
  ['1::2::3', false, 'not an IP'],
  ['1:2:3:4:5:6:7:8:9', false, 'not an IP'],
  ['', false, 'not an IP'],
  ['localhost', false, 'not an IP'],
];

describe('classifyAddress (allow-global rule)', () => {
  it.each(table)('%s → allowed=%s (%s)', (address, allowed, word) => {
    const verdict = classifyAddress(address);
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.reason).toContain(word);
  });
});

describe('address parsing', () => {
  it('parses IPv6 with :: and a dotted tail to the same bytes as the hex form', () => {
    expect(parseIPv6('::ffff:127.0.0.1')).toEqual(parseIPv6('0:0:0:0:0:ffff:7f00:0001'));
    expect(Array.from(parseIPv6('2001:db8::1') ?? [])).toEqual([
      0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
    ]);
  });
  it('refuses malformed IPv4 and IPv6', () => {
    for (const bad of ['1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1.2.3.-4', ' 1.2.3.4']) {
      expect(parseIPv4(bad)).toBeNull();
    }
    for (const bad of [':::', '1:2:3:4:5:6:7', '1.2.3.4::', 'g::1', '12345::1', '::1.2.3']) {
      expect(parseIPv6(bad)).toBeNull();
    }
  });
});

import type { RefusalKind } from './refusal';

/**
 * The SSRF URL set of SECURITY-TESTS.md §1.2 (row F), one entry per URL, with the check that must refuse it when
 * the host IS on the allowlist and http is allowed (the strict run: only the address, scheme, port and parser
 * checks stand in the way). `PORT` is replaced by the port of the test listeners (the counting listener on
 * 127.0.0.1 and ::1 shares it), which the strict run allows, so a bypass would connect to the counter.
 * The redirect and response-abuse groups need a live server: safe-fetch.test.ts.
 */
export const SSRF_URLS: { group: string; url: string; refusedBy: RefusalKind[] }[] = [
  ...group(
    'loopback',
    ['address'],
    [
      'http://127.0.0.1/',
      'http://localhost/',
      'http://127.0.0.1:PORT/api/admin',
      'http://[::1]/',
      'http://[::1]:PORT/',
      'http://[0:0:0:0:0:0:0:1]/',
      'http://0.0.0.0/',
      'http://0/',
      'http://[::]/',
      'http://localhost:PORT/',
    ],
  ),
  ...group(
    'IPv4 encodings',
    ['address'],
    [
      'http://2130706433/',
      'http://2130706433:PORT/',
      'http://0x7f000001/',
      'http://0x7f.1/',
      'http://0x7f.1:PORT/',
      'http://0177.0.0.1/',
      'http://017700000001/',
      'http://127.1/',
      'http://127.0.1/',
      'http://127.127.127.127/',
      'http://3232235521/',
    ],
  ),
  ...group(
    'IPv4-in-IPv6',
    ['address'],
    [
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:127.0.0.1]:PORT/',
      'http://[::ffff:7f00:1]/',
      'http://[0:0:0:0:0:ffff:127.0.0.1]/',
      'http://[::127.0.0.1]/',
      'http://[::ffff:0:7f00:1]/',
      'http://[64:ff9b::7f00:1]/',
      'http://[64:ff9b:1::a9fe:a9fe]/',
      'http://[2002:7f00:1::]/',
    ],
  ),
  ...group(
    'cloud metadata',
    ['address'],
    [
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://[fd00:ec2::254]/latest/meta-data/',
      'http://169.254.170.2/v2/credentials',
      'http://169.254.169.253/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://metadata.goog/',
      'http://100.100.100.200/latest/meta-data/',
      'http://2852039166/',
      'http://0xA9FEA9FE/',
      'http://0xA9.0xFE.0xA9.0xFE/',
      'http://0251.0376.0251.0376/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://169.254.169.254.nip.io/',
    ],
  ),
  ...group(
    'private / special',
    ['address'],
    [
      'http://10.0.0.1/',
      'http://172.16.0.1/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://198.18.0.1/',
      'http://192.0.0.8/',
      'http://224.0.0.1/',
      'http://255.255.255.255/',
      'http://[fc00::1]/',
      'http://[fd12::1]/',
      'http://[fec0::1]/',
      'http://[ff02::1]/',
      'http://[100::1]/',
      'http://[2001:db8::1]/',
      'http://[2001:0:1::1]/',
    ],
  ),
  ...group('private / special', ['parse'], ['http://[fe80::1%25eth0]/']),
  ...group(
    'DNS tricks',
    ['address'],
    [
      'http://127.0.0.1.nip.io/',
      'http://127.0.0.1.nip.io:PORT/',
      'http://localtest.me/',
      'http://customer1.app.localhost.my.company.127.0.0.1.nip.io/',
      'http://aaaa-mapped.test:PORT/',
      'http://mixed.test:PORT/',
      'http://mixed-public.test/',
    ],
  ),
  ...group(
    'parser confusion',
    ['userinfo'],
    ['http://allowed.example@127.0.0.1/', 'http://127.1.1.1:80:@@127.2.2.2:80/'],
  ),
  ...group(
    'parser confusion',
    ['address'],
    [
      'http://127.0.0.1#@allowed.example/',
      'http://allowed.example.evil.example/',
      'http://evil.example/allowed.example',
      'http://ALLOWED.EXAMPLE./',
      'http://аllowed.example/',
    ],
  ),
  ...group(
    'parser confusion',
    ['parse'],
    [
      'http://127.1.1.1:80\\@127.2.2.2:80/',
      'http:\\\\127.0.0.1\\',
      'http://127.0.0.1%09/',
      '  http://127.0.0.1/',
      'http://127.0.0.1/ ',
      'http://127.0.0.1:PORT/\t',
    ],
  ),
  ...group(
    'schemes',
    ['scheme'],
    [
      'file:///etc/passwd',
      'gopher://127.0.0.1:6379/_INFO',
      'dict://127.0.0.1:11211/',
      'ftp://allowed.example/data.csv',
      'data:text/plain,x',
      'ws://allowed.example/',
      'jar:http://allowed.example/x.jar!/',
      'http+unix://%2Fvar%2Frun%2Fdocker.sock/',
    ],
  ),
  ...group(
    'ports',
    ['port'],
    [
      'https://allowed.example:6379/',
      'https://allowed.example:22/',
      'https://allowed.example:25/',
      'https://allowed.example:0/',
    ],
  ),
  ...group(
    'ports',
    ['parse'],
    ['https://allowed.example:65536/', 'http://localhost:+11211aaa', 'http://localhost:00011211aaaa'],
  ),
];

function group(name: string, refusedBy: RefusalKind[], urls: string[]) {
  return urls.map((url) => ({ group: name, url, refusedBy }));
}

/**
 * What a resolver answers in the strict run: the real answers of the public names above, and the attacks a
 * hostile DNS server can make. Any other name answers the counting listener's address, the worst case.
 */
export const STUB_DNS: Record<string, string[]> = {
  localhost: ['127.0.0.1', '::1'],
  'metadata.google.internal': ['169.254.169.254'],
  'metadata.goog': ['169.254.169.254'],
  '169.254.169.254.nip.io': ['169.254.169.254'],
  '127.0.0.1.nip.io': ['127.0.0.1'],
  'localtest.me': ['127.0.0.1'],
  'customer1.app.localhost.my.company.127.0.0.1.nip.io': ['127.0.0.1'],
  /** Only an AAAA record, IPv4-mapped loopback. */
  'aaaa-mapped.test': ['::ffff:127.0.0.1'],
  /** Mixed answers: the test listener (treated as global) and the counting listener. */
  'mixed.test': ['127.0.0.2', '127.0.0.1'],
  'mixed-public.test': ['8.8.8.8', '10.0.0.1'],
};

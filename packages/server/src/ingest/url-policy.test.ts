import { describe, expect, it } from 'vitest';
import { UrlRefusedError } from './refusal';
import { allowlistOf, checkUrl, type UrlPolicy } from './url-policy';

const policy = (names: string[], allowHttp = false): UrlPolicy => ({
  allowlist: allowlistOf(names),
  allowHttp,
});

function kindOf(raw: string, p: UrlPolicy): string {
  try {
    checkUrl(raw, p);
    return 'ok';
  } catch (err) {
    if (err instanceof UrlRefusedError) return err.kind;
    throw err;
  }
}

describe('allowlistOf', () => {
  it('normalises entries like URL hosts: case, trailing dot, IDNA, IPv6 brackets, IPv4 forms', () => {
    const list = allowlistOf([
      'ALLOWED.Example.',
      'Bücher.example',
      '[::1]',
      '2001:db8::1',
      '0x7f.1',
      ' data.gov ',
    ]);
    expect([...list].sort()).toEqual(
      ['127.0.0.1', '2001:db8::1', '::1', 'allowed.example', 'data.gov', 'xn--bcher-kva.example'].sort(),
    );
  });

  it('drops entries that are not host names', () => {
    expect([
      ...allowlistOf(['', 'a b.example', 'user@host.example', 'host.example/path', 'x:99999']),
    ]).toEqual([]);
  });
});

describe('checkUrl', () => {
  it('accepts an allowlisted https URL in any spelling of its host, and drops the fragment', () => {
    const p = policy(['data.example']);
    for (const raw of [
      'https://data.example/a.csv',
      'https://DATA.EXAMPLE./a.csv',
      'https://data.example:443/a.csv',
    ]) {
      const checked = checkUrl(`${raw}#part`, p);
      expect(checked.host).toBe('data.example');
      expect(checked.port).toBe(443);
      expect(checked.literal).toBeNull();
      expect(checked.url.href).toBe('https://data.example/a.csv');
    }
  });

  it('matches IDNA names by their punycode only', () => {
    expect(kindOf('https://bücher.example/x.csv', policy(['xn--bcher-kva.example']))).toBe('ok');
    expect(kindOf('https://аllowed.example/', policy(['allowed.example']))).toBe('host');
  });

  it('checks an allowlisted IP literal against the address rule', () => {
    expect(kindOf('https://8.8.8.8/x.csv', policy(['8.8.8.8']))).toBe('ok');
    expect(kindOf('https://127.0.0.1/x.csv', policy(['127.0.0.1']))).toBe('address');
    expect(kindOf('https://[::ffff:7f00:1]/', policy(['::ffff:127.0.0.1']))).toBe('address');
  });

  it('allows http only when configured, and only on port 80', () => {
    expect(kindOf('http://data.example/x.csv', policy(['data.example']))).toBe('scheme');
    expect(kindOf('http://data.example/x.csv', policy(['data.example'], true))).toBe('ok');
    expect(kindOf('http://data.example:443/x.csv', policy(['data.example'], true))).toBe('port');
    expect(kindOf('https://data.example:80/x.csv', policy(['data.example'], true))).toBe('port');
  });

  it('resolves a relative redirect against the current URL and checks the result', () => {
    const p = policy(['data.example']);
    const base = new URL('https://data.example/dir/page');
    expect(checkUrl('../x.csv', p, base).url.href).toBe('https://data.example/x.csv');
    expect(() => checkUrl('//evil.example/x.csv', p, base)).toThrow(UrlRefusedError);
  });
});

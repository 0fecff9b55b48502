import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaults, isLoopbackHost, loadConfig } from './config';

const dir = () => mkdtempSync(join(tmpdir(), 'quarry-config-'));

describe('loadConfig', () => {
  it('uses safe defaults when nothing is set', () => {
    const cwd = dir();
    const config = loadConfig({ cwd, env: {} });
    expect(config).toEqual({ ...defaults, dataDir: join(cwd, '.quarry') });
    expect(config.host).toBe('127.0.0.1');
    expect(config.allowUrlIngestion).toBe(false);
  });

  it('reads quarry.yaml, then environment, then overrides', () => {
    const cwd = dir();
    writeFileSync(
      join(cwd, 'quarry.yaml'),
      'port: 9000\nmaxUploadBytes: 1000\nurlAllowlist: [a.example, b.example]\n',
    );
    const config = loadConfig({
      cwd,
      env: { QUARRY_PORT: '9100', QUARRY_ALLOW_URL_INGESTION: 'true' },
      overrides: { port: 9200 },
    });
    expect(config.port).toBe(9200);
    expect(config.maxUploadBytes).toBe(1000);
    expect(config.allowUrlIngestion).toBe(true);
    expect(config.urlAllowlist).toEqual(['a.example', 'b.example']);
  });

  it('splits comma-separated allowlists from the environment', () => {
    const config = loadConfig({ cwd: dir(), env: { QUARRY_URL_ALLOWLIST: 'x.example, y.example,' } });
    expect(config.urlAllowlist).toEqual(['x.example', 'y.example']);
  });

  it('keeps URL imports https-only and capped unless told otherwise', () => {
    const plain = loadConfig({ cwd: dir(), env: {} });
    expect(plain.allowHttpIngestion).toBe(false);
    expect(plain.maxUrlResponseBytes).toBe(200 * 1024 * 1024);
    const set = loadConfig({
      cwd: dir(),
      env: { QUARRY_ALLOW_HTTP_INGESTION: 'true', QUARRY_MAX_URL_RESPONSE_BYTES: '5000' },
    });
    expect(set.allowHttpIngestion).toBe(true);
    expect(set.maxUrlResponseBytes).toBe(5000);
    expect(() => loadConfig({ cwd: dir(), env: { QUARRY_MAX_URL_RESPONSE_BYTES: '0' } })).toThrow(
      /QUARRY_MAX_URL_RESPONSE_BYTES/,
    );
  });

  it('names the key of a bad value', () => {
    expect(() => loadConfig({ cwd: dir(), env: { QUARRY_PORT: 'abc' } })).toThrow(/QUARRY_PORT/);
    expect(() => loadConfig({ cwd: dir(), env: { QUARRY_MAX_UPLOAD_BYTES: '-5' } })).toThrow(
      /QUARRY_MAX_UPLOAD_BYTES/,
    );
    const cwd = dir();
    writeFileSync(join(cwd, 'quarry.yaml'), 'port: 99999\n');
    expect(() => loadConfig({ cwd, env: {} })).toThrow(/key 'port' in quarry.yaml/);
  });

  it('refuses unknown keys and short tokens', () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'quarry.yaml'), 'prot: 1\n');
    expect(() => loadConfig({ cwd, env: {} })).toThrow(ConfigError);
    expect(() => loadConfig({ cwd: dir(), env: { QUARRY_TOKEN: 'short' } })).toThrow(/QUARRY_TOKEN/);
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback from the rest', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.2', 'example.com']) expect(isLoopbackHost(h)).toBe(false);
  });
});

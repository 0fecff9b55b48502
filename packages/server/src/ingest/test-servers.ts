import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http, { type ServerResponse } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { TLSSocket } from 'node:tls';
import { gzipSync } from 'node:zlib';

/**
 * Real sockets for the SSRF suites (no mock of node:http):
 * - the "allowlisted" test server on 127.0.0.2:PORT (the one address a test policy treats as global), with
 *   routes that redirect to forbidden places or abuse the response;
 * - a counting listener on 127.0.0.1:PORT and [::1]:PORT (same port), which must see NO connection.
 */
export interface TestServers {
  port: number;
  /** The test server's address, allowed by `testOnlyAllow`. */
  address: string;
  /** Connections the counting listeners received (must stay 0). */
  counted: () => number;
  /** Request headers the test server saw, by path. */
  seen: Map<string, http.IncomingHttpHeaders>;
  close: () => Promise<void>;
}

export const CSV = 'city,temp\nOslo,3\nRome,17\nLima,22\n';
export const GZIP_BOMB_UNPACKED = 20 * 1024 * 1024;

export async function startTestServers(): Promise<TestServers> {
  const address = '127.0.0.2';
  const seen = new Map<string, http.IncomingHttpHeaders>();
  const open = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    seen.set(req.url ?? '', req.headers);
    open.add(res);
    res.on('close', () => open.delete(res));
    route(req.url ?? '/', res, port, timers);
  });
  server.listen(0, address);
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;

  let connections = 0;
  const counters: net.Server[] = [];
  for (const host of ['127.0.0.1', '::1']) {
    const counter = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    counter.on('error', () => undefined); // no IPv6 loopback on this machine: the IPv4 counter still runs
    counter.listen(port, host);
    await Promise.race([once(counter, 'listening'), once(counter, 'error')]);
    counters.push(counter);
  }
  return {
    port,
    address,
    counted: () => connections,
    seen,
    close: async () => {
      for (const t of timers) clearInterval(t);
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      for (const c of counters) c.close();
    },
  };
}

/** Where each /r/ path redirects (PORT = the shared port of the test server and the counting listeners). */
const REDIRECTS: Record<string, [number, string]> = {
  '/r/metadata': [302, 'http://169.254.169.254/latest/meta-data/'],
  '/r/ipv6-loopback': [307, 'http://[::1]:PORT/api/datasets'],
  '/r/decimal': [301, 'http://2130706433:PORT/'],
  '/r/loopback': [302, 'http://127.0.0.1:PORT/data.csv'],
  '/r/rebind': [302, 'http://rebind.test:PORT/data.csv'],
  '/r/file': [302, 'file:///etc/passwd'],
  '/r/other-allowed': [302, 'http://other.test:PORT/echo'],
  '/r/to-https': [302, 'https://allowed.test:PORT/data.csv'],
};

function route(url: string, res: ServerResponse, port: number, timers: Set<NodeJS.Timeout>): void {
  const chain = /^\/r\/chain\/(\d+)\/(\d+)$/.exec(url);
  const redirect = chain
    ? ([
        302,
        Number(chain[1]) < Number(chain[2]) ? `/r/chain/${Number(chain[1]) + 1}/${chain[2]}` : '/data.csv',
      ] as const)
    : REDIRECTS[url];
  if (redirect !== undefined) {
    res.writeHead(redirect[0], { location: redirect[1].replace('PORT', String(port)) }).end();
    return;
  }
  switch (url) {
    case '/data.csv':
    case '/echo':
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(CSV);
      break;
    case '/export?format=csv':
      res.writeHead(200, { 'content-type': 'text/csv' }).end(CSV);
      break;
    case '/r/no-location':
      res.writeHead(302).end();
      break;
    case '/abuse/endless':
      res.writeHead(200, { 'content-type': 'text/csv' });
      writeForever(res);
      break;
    case '/abuse/huge-length':
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '10737418240' });
      writeForever(res);
      break;
    case '/abuse/gzip-bomb':
      res.writeHead(200, { 'content-type': 'text/csv', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(GZIP_BOMB_UNPACKED, 'a')));
      break;
    case '/abuse/drip': {
      res.writeHead(200, { 'content-type': 'text/csv' });
      const t = setInterval(() => res.write('a'), 40);
      timers.add(t);
      res.on('close', () => clearInterval(t));
      break;
    }
    case '/abuse/stall':
      res.writeHead(200, { 'content-type': 'text/csv' }).flushHeaders();
      break;
    case '/abuse/big-headers':
      res.writeHead(200, { 'content-type': 'text/csv', 'x-pad': 'a'.repeat(1024 * 1024) }).end(CSV);
      break;
    case '/abuse/html':
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>city,temp</html>');
      break;
    case '/abuse/no-type':
      res.writeHead(200).end(CSV);
      break;
    case '/abuse/weird-encoding':
      res.writeHead(200, { 'content-type': 'text/csv', 'content-encoding': 'compress' }).end(CSV);
      break;
    case '/abuse/cut':
      // Promises 1000 bytes, sends a few, hangs up: a truncated body must not become a data set.
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '1000' });
      res.write(CSV);
      setTimeout(() => res.destroy(), 20);
      break;
    default:
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

/** The self-signed certificate of `allowed.test` (fixtures/README.md), to trust in https tests. */
export const TEST_CA = readFileSync(new URL('./fixtures/allowed-test.cert.pem', import.meta.url), 'utf8');

/**
 * An https server on 127.0.0.2 with the certificate of `allowed.test`: `/data.csv`, and `/r/downgrade` (a redirect
 * to http on the same port). Records the SNI name each connection asked for.
 */
export async function startHttpsServer(): Promise<{
  port: number;
  sni: string[];
  close: () => Promise<void>;
}> {
  const sni: string[] = [];
  const server = https.createServer(
    { cert: TEST_CA, key: readFileSync(new URL('./fixtures/allowed-test.key.pem', import.meta.url), 'utf8') },
    (req, res) => {
      sni.push(String((req.socket as TLSSocket).servername));
      if (req.url === '/r/downgrade')
        res.writeHead(302, { location: `http://allowed.test:${port}/data.csv` }).end();
      else res.writeHead(200, { 'content-type': 'text/csv' }).end(CSV);
    },
  );
  server.listen(0, '127.0.0.2');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    sni,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

function writeForever(res: ServerResponse): void {
  const block = Buffer.alloc(64 * 1024, 'x');
  const pump = () => {
    while (!res.destroyed && res.write(block)) {
      // keep writing until the socket pushes back
    }
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { buildApp } from '../app';
import { isLoopbackHost, loadConfig } from '../config/config';

export async function startCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      config: { type: 'string' },
    },
    strict: true,
  });
  const config = loadConfig({
    file: values.config,
    overrides: {
      host: values.host,
      port: values.port === undefined ? undefined : Number(values.port),
      dataDir: values['data-dir'],
    },
  });
  if ((config.requireToken || !isLoopbackHost(config.host)) && config.token === null) {
    // Reachable from other machines (or a token required) and none set: never run open. Generate a 128-bit
    // token and print it once; it is never logged.
    config.token = randomBytes(16).toString('hex');
    const why = config.requireToken
      ? 'requireToken is on'
      : `Quarry listens on ${config.host}, reachable from other machines`;
    process.stdout.write(
      `${why}, and no QUARRY_TOKEN was set.\n` +
        `Access token (shown once; the studio asks for it): ${config.token}\n` +
        'Open the studio once as /?token=<token> to sign this browser in with a cookie.\n',
    );
  }
  const app = await buildApp(config);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const address = await app.listen({ host: config.host, port: config.port });
  process.stdout.write(
    `Quarry studio: ${address.replace('[::1]', 'localhost')} (data in ${config.dataDir})\n`,
  );
  await new Promise(() => undefined); // serve until a signal
  return 0;
}

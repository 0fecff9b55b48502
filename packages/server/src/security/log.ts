import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/** `token=<anything>` in a URL, as sent on the first visit (`/?token=...`): the value is replaced in logs. */
const TOKEN_IN_URL = /([?&;]token=)[^&#]*/gi;

export const redactUrl = (url: string): string => url.replace(TOKEN_IN_URL, '$1[REDACTED]');

/**
 * Fastify logger options. The request serializer logs the URL with any token blanked out; the Authorization and
 * Cookie headers (where tokens and session ids travel) are never logged at all.
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  if (level === 'silent' && stream === undefined) return false;
  return {
    level,
    ...(stream === undefined ? {} : { stream }),
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: redactUrl(req.url ?? ''),
        host: req.headers?.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  };
}

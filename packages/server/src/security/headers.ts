import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The studio's Content Security Policy. Scripts only from the server itself (no inline script, no eval: Vega
 * charts use its expression interpreter); inline styles are allowed because Mantine and Emotion write <style>
 * tags at run time. Nothing may frame the studio, and forms post only to it.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers on every response, errors included. There is deliberately no CORS: no
 * Access-Control-Allow-Origin is ever sent, so another site's script cannot read an answer.
 */
async function securityHeaders(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (_request, reply, payload) => {
    // A route may set a stricter policy of its own (the HTML model report allows no script at all): keep it.
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.removeHeader('Access-Control-Allow-Origin');
    return payload;
  });
}

export default fp(securityHeaders, { name: 'quarry-security-headers' });

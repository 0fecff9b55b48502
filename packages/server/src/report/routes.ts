import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModelCharts } from '../charts/types';
import type { Leaderboard } from '../leaderboard/types';
import { REPORT_CSP, renderReport } from './html-report';

/** GET /api/models/:id/report: the self-contained HTML report, as an attachment. */
export default async function reportRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/models/:id/report',
    {
      schema: {
        tags: ['models'],
        summary: 'A self-contained HTML report of the model (no script, strict CSP)',
        params: z.object({ id: z.string().min(1).max(100) }),
      },
    },
    async (request, reply) => {
      const detail = await app.models.detail(request.params.id);
      const charts = await app.models.charts(detail.id).catch(() => null as ModelCharts | null);
      const row =
        detail.leaderboardId === null
          ? undefined
          : await app.store.one<{ result: string }>('SELECT result FROM leaderboards WHERE id = $1', [
              detail.leaderboardId,
            ]);
      const leaderboard = row === undefined ? null : (JSON.parse(row.result) as Leaderboard);
      const html = renderReport(
        { ...detail, metrics: detail.metrics as Record<string, number>, sha256: detail.sha256 ?? '' },
        charts,
        leaderboard,
      );
      const safeName = `${detail.name}-v${detail.version}-report`.replace(/[^A-Za-z0-9._-]+/g, '_');
      reply
        .header('Content-Disposition', `attachment; filename="${safeName}.html"`)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', REPORT_CSP)
        .type('text/html; charset=utf-8');
      return html;
    },
  );
}

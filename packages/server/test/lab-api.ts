import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { waitForJob } from './helpers';

/** One checkpoint as GET /api/academy/labs/:id/progress answers it. */
export interface Outcome {
  id: string;
  status: string;
  detail: string;
  hint: { text: string; link: string } | null;
}

/**
 * What the labs' API tests do again and again, bound to one lab: read its checkpoints, wait for one to leave
 * 'pending', post (asserting the status), run a job to success, get JSON. `app` is read when called, so the
 * helpers can be made at module level before `beforeAll` builds the app.
 */
export function labApi(app: () => FastifyInstance, lab: string) {
  const checkpoints = async (): Promise<Outcome[]> => {
    const res = await app().inject({ url: `/api/academy/labs/${lab}/progress` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().steps.flatMap((s: { checkpoints: Outcome[] }) => s.checkpoints);
  };
  /** Progress once `id` has left 'pending' (or after ~10 s: jobs and logs settle in the background). */
  const settled = async (id: string): Promise<Outcome[]> => {
    for (let attempt = 0; ; attempt++) {
      const outcomes = await checkpoints();
      if (outcomes.find((o) => o.id === id)?.status !== 'pending' || attempt >= 50) return outcomes;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const post = async (url: string, payload: object, status = 202) => {
    const res = await app().inject({ method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  const job = async (url: string, payload: object) => {
    const done = await waitForJob(app(), (await post(url, payload)).id, 300_000);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    return done;
  };
  const get = async (url: string) => {
    const res = await app().inject({ url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  return { checkpoints, settled, post, job, get };
}

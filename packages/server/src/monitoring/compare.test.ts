import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../test/helpers';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

it('answers 404 for the challenger comparison of a model name that does not exist', async () => {
  const res = await app.inject({ url: '/api/models/nope/challenger/compare' });
  expect(res.statusCode).toBe(404);
  expect(res.json()).toMatchObject({ code: 'MODEL_NOT_FOUND' });
  expect(res.json().message).toContain("'nope'");
});

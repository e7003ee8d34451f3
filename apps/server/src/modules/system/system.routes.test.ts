import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { migrate } from '../../platform/db/migrate';
import { startJobs } from '../../platform/jobs/jobs';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('health, readiness and API docs', () => {
  it('answers health and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
      status: 'ok',
    });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
  });

  it('publishes an OpenAPI document covering the routes, and the docs page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/sign-in',
        '/api/v1/workspaces/{workspaceId}/accounts',
        '/api/v1/workspaces/{workspaceId}/audit',
      ]),
    );
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/api/internal'))).toBe(false);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('keeps the CLI endpoints closed to everyone without the local secret', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/internal/accounts' })).statusCode).toBe(
      403,
    );
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/api/internal/accounts',
      headers: { 'x-yunce-local-token': 'guess' },
    });
    expect(wrong.statusCode).toBe(403);
  });
});

describe('database', () => {
  it('migrates idempotently', async () => {
    expect((await migrate(t.db.database)).applied).toEqual([]);
  });

  it('runs jobs through pg-boss on the same database', async () => {
    let received: (data: unknown) => void = () => undefined;
    const seen = new Promise<unknown>((resolve) => {
      received = resolve;
    });
    const jobs = await startJobs(t.db.database, {
      work: true,
      queues: [
        {
          name: 'test.echo',
          handler: (batch) => {
            received(batch[0]?.data);
            return Promise.resolve();
          },
        },
      ],
    });
    try {
      await jobs.send('test.echo', { hello: '世界' });
      expect(await seen).toEqual({ hello: '世界' });
    } finally {
      await jobs.stop();
    }
  });
});

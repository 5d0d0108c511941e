import type { FastifyInstance } from 'fastify';
import type { ServerCore } from '../core/method-plugin';
import { badRequest, notFound } from '../core/errors';
import type { JobRecord } from '../jobs/types';

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;

/** Training jobs: start, list, get, cancel, and a Server-Sent Events progress stream. */
export function registerJobRoutes(app: FastifyInstance, core: ServerCore): void {
  const { jobs } = core;
  const find = (id: string): JobRecord => {
    const rec = jobs.get(id);
    if (!rec) throw notFound(`no job '${id}'`);
    return rec;
  };

  app.post<{ Body: { kind: string; params?: unknown } }>('/jobs', {
    schema: { tags: ['jobs'], summary: 'start a training job', body: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, params: {} } } },
  }, async (req, reply) => {
    try {
      const rec = await jobs.submit(req.body.kind, req.body.params ?? {});
      return reply.code(202).send(rec);
    } catch (e) {
      throw badRequest((e as Error).message);
    }
  });

  app.get('/jobs', { schema: { tags: ['jobs'], summary: 'list jobs' } }, async () => jobs.list());

  app.get<{ Params: { id: string } }>('/jobs/:id', { schema: { tags: ['jobs'], summary: 'one job', params: idParams } }, async (req) => find(req.params.id));

  app.post<{ Params: { id: string } }>('/jobs/:id/cancel', { schema: { tags: ['jobs'], summary: 'cancel a job', params: idParams } }, async (req) => {
    find(req.params.id);
    return jobs.cancel(req.params.id);
  });

  app.get<{ Params: { id: string } }>('/jobs/:id/events', { schema: { tags: ['jobs'], summary: 'progress as Server-Sent Events', params: idParams } }, (req, reply) => {
    const rec = find(req.params.id);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (r: JobRecord): void => {
      res.write(`event: ${TERMINAL.has(r.status) ? r.status : 'progress'}\ndata: ${JSON.stringify(r)}\n\n`);
      if (TERMINAL.has(r.status)) { stop(); res.end(); }
    };
    const stop = (): void => { jobs.events.off(rec.id, send); };
    jobs.events.on(rec.id, send);
    req.raw.on('close', stop);
    send(rec);
  });
}

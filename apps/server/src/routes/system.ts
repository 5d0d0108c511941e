import type { FastifyInstance } from 'fastify';
import * as os from 'os';
import type { ServerCore } from '../core/method-plugin';

export const VERSION = '0.1.0';

/** GET /health and GET /info. */
export function registerSystemRoutes(app: FastifyInstance, core: ServerCore): void {
  app.get('/health', { schema: { tags: ['system'], summary: 'liveness', response: { 200: { type: 'object', properties: { status: { type: 'string' } } } } } },
    async () => ({ status: 'ok' }));
  app.get('/info', {
    schema: {
      tags: ['system'], summary: 'version, execution provider in use, threads, loaded models',
      response: { 200: { type: 'object', properties: {
        version: { type: 'string' }, node: { type: 'string' }, executionProvider: { type: 'string' },
        threads: { type: 'integer' }, cpus: { type: 'integer' }, loadedModels: { type: 'array', items: { type: 'string' } },
        jobKinds: { type: 'array', items: { type: 'string' } },
      } } },
    },
  }, async () => ({
    version: VERSION,
    node: process.version,
    executionProvider: core.executionProvider.value,
    threads: core.config.threads,
    cpus: os.cpus().length,
    loadedModels: [...core.loadedModels].sort(),
    jobKinds: core.jobs.kindNames(),
  }));
}

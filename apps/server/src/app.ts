import Fastify, { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'fs';
import * as path from 'path';
import type { ServerConfig } from './core/config';
import { HttpError } from './core/errors';
import { IMAGE_TYPES } from './core/image-body';
import type { MethodPlugin, ServerCore } from './core/method-plugin';
import { JobManager } from './jobs/job-manager';
import { registerJobRoutes } from './routes/jobs';
import { registerSystemRoutes, VERSION } from './routes/system';

export interface BuiltApp { app: FastifyInstance; core: ServerCore }

/**
 * Assembles the server: core routes (health, info, jobs, OpenAPI at /docs), then every method
 * plugin under its prefix, then the demo app's static files. Errors become JSON
 * `{ statusCode, error, message }`; nothing the client sends reaches the filesystem outside
 * `config.dataDir`.
 */
export async function buildApp(config: ServerConfig, methods: readonly MethodPlugin[], options: { logger?: boolean } = {}): Promise<BuiltApp> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: config.maxUploadBytes });
  const jobs = new JobManager(path.join(config.dataDir, 'jobs'));
  const core: ServerCore = { config, jobs, loadedModels: new Set(), executionProvider: { value: config.executionProvider } };

  app.addContentTypeParser(IMAGE_TYPES, { parseAs: 'buffer', bodyLimit: config.maxUploadBytes }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, _req, reply) => {
    const status = err instanceof HttpError ? err.statusCode
      : err.validation ? 400
      : err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) app.log.error(err);
    void reply.code(status).send({ statusCode: status, error: status >= 500 ? 'Internal Server Error' : 'Bad Request', message: status >= 500 ? 'internal error' : err.message });
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${req.method} ${req.url.split('?')[0]}` });
  });

  await app.register(swagger, {
    openapi: { info: { title: 'seg server', version: VERSION, description: 'Interactive segmentation, training jobs and method routes on onnxruntime-node' } },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerSystemRoutes(app, core);
  registerJobRoutes(app, core);
  for (const m of methods) {
    await app.register(async (scope) => { await m.register(scope, core); }, { prefix: m.prefix });
  }
  if (config.demoDir && existsSync(path.join(config.demoDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: path.resolve(config.demoDir),
      // cross-origin isolation lets onnxruntime-web use several threads
      setHeaders: (res) => { res.header('Cross-Origin-Opener-Policy', 'same-origin'); res.header('Cross-Origin-Embedder-Policy', 'require-corp'); },
    });
  }
  await jobs.restore();
  app.addHook('onClose', async () => { await jobs.close(); });
  return { app, core };
}

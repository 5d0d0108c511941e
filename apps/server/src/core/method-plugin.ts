import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import type { JobManager } from '../jobs/job-manager';

/** What the core hands to every method's routes. */
export interface ServerCore {
  config: ServerConfig;
  jobs: JobManager;
  /** Names of models a method has loaded, reported by GET /info. */
  loadedModels: Set<string>;
  /** The execution provider sessions actually run on (after any CUDA fallback). */
  executionProvider: { value: string };
}

/**
 * A method joins the server as a plugin: routes under its own prefix and, optionally, job kinds.
 * The core never changes when a method is added; `methods/index.ts` lists the plugins.
 */
export interface MethodPlugin {
  name: string;
  /** URL prefix of the method's routes, e.g. '/interactive'. */
  prefix: string;
  register(app: FastifyInstance, core: ServerCore): Promise<void> | void;
}

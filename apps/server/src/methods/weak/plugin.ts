import * as path from 'path';
import type { FastifyInstance } from 'fastify';
import { createNodeSession } from '@seg/runtime/node';
import { createImage } from '@seg/tensor';
import { encodeImage, sharedPath } from '@seg/tensor/node';
import { DEFAULT_CONFIG, priorNames, resolveConfig, WeakConfigInput, WeakPredictor } from '@seg/weak';
import { loadWeakModel, trainWeakFolder } from '@seg/weak/node';
import { badRequest, notFound } from '../../core/errors';
import { decodeUpload } from '../../core/image-body';
import type { MethodPlugin, ServerCore } from '../../core/method-plugin';
import type { JobKind } from '../../jobs/types';
import { datasetDir, DatasetUpload, storeDataset } from './datasets';
import { boundaryPixels, detailGraph } from './detail-body';

/** Parameters of a 'weak.train' job. */
export interface WeakTrainParams {
  /** An uploaded dataset id (POST /weak/datasets), or a shared set by name ('monuseg'). */
  dataset?: string;
  shared?: 'monuseg';
  config?: WeakConfigInput;
  /** Train on this many images (or fraction) of a seeded split. */
  trainSplit?: number;
  seed?: number;
}

export const WEAK_TRAIN_JOB = 'weak.train';
const MODEL_FOLDER = 'model';

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

async function png(gray: Uint8Array, width: number, height: number): Promise<string> {
  return Buffer.from(await encodeImage(createImage(width, height, 1, gray), 'png')).toString('base64');
}

/**
 * Method 1 over HTTP: upload a training set (images + area ratios), train a model as a 'weak.train'
 * job (progress over SSE at /jobs/:id/events, cancel, resume after a restart), then segment
 * uploaded images with it: mask, probability map, estimated area ratio.
 */
export function weakPlugin(): MethodPlugin {
  return {
    name: 'weak',
    prefix: '/weak',
    register(app: FastifyInstance, core: ServerCore) {
      const datasets = path.join(core.config.dataDir, 'weak', 'datasets');
      const jobsRoot = path.join(core.config.dataDir, 'jobs');
      const predictors = new Map<string, Promise<WeakPredictor>>();
      const createSession = async (model: Uint8Array, label: string) => {
        const s = await createNodeSession(model, { executionProvider: core.config.executionProvider, threads: core.config.threads }, label);
        core.executionProvider.value = s.executionProvider;
        return s;
      };

      const kind: JobKind<WeakTrainParams & { data: string }> = {
        name: WEAK_TRAIN_JOB,
        parse(raw) {
          const p = (raw ?? {}) as WeakTrainParams;
          if (typeof p !== 'object') throw new Error('params must be an object {dataset | shared, config?, trainSplit?, seed?}');
          let data: string;
          if (p.dataset !== undefined) data = datasetDir(datasets, String(p.dataset));
          else if (p.shared === 'monuseg') {
            const s = sharedPath('data', 'monuseg');
            if (!s) throw new Error('the shared MoNuSeg set is not available on this server');
            data = s;
          } else throw new Error("params need 'dataset' (an id from POST /weak/datasets) or shared: 'monuseg'");
          resolveConfig(p.config ?? {}); // checked now, so a bad config fails the request, not the job
          if (p.trainSplit !== undefined && !(typeof p.trainSplit === 'number' && p.trainSplit > 0)) throw new Error('trainSplit must be a count >= 1 or a fraction in (0, 1)');
          return { ...p, data };
        },
        async run(ctx, p) {
          const out = path.join(ctx.dir, MODEL_FOLDER);
          const r = await trainWeakFolder({
            data: p.data, out, config: p.config, trainSplit: p.trainSplit, seed: p.seed, resume: true, signal: ctx.signal, threads: core.config.threads,
            onProgress: (e) => ctx.progress({ step: e.step, total: e.total, metrics: e.loss !== undefined ? { loss: e.loss } : undefined, message: [e.stage, e.message].filter(Boolean).join(': ') }),
          });
          return {
            model: ctx.id, supervision: r.model.config.supervision, train: r.train.length, test: r.test.length, resumed: r.resumed,
            trainSeconds: r4(r.model.summary.trainMs / 1000), thresholds: r.model.thresholds,
          };
        },
      };
      core.jobs.register(kind as JobKind<never>);

      /** A trained model's predictor (cached; a few models at most). */
      const predictor = (id: string): Promise<WeakPredictor> => {
        const rec = core.jobs.get(id);
        if (!rec || rec.kind !== WEAK_TRAIN_JOB) throw notFound(`no ${WEAK_TRAIN_JOB} job '${id}'`);
        if (rec.status !== 'succeeded') throw badRequest(`job '${id}' is ${rec.status}; a model is ready when it has succeeded`);
        let p = predictors.get(id);
        if (!p) {
          p = loadWeakModel(path.join(jobsRoot, id, MODEL_FOLDER)).then((m) => WeakPredictor.create(m, createSession));
          p.catch(() => predictors.delete(id));
          predictors.set(id, p);
          core.loadedModels.add(`weak/${id}`);
          // Keep the newest four models.
          while (predictors.size > 4) {
            const [old, q] = predictors.entries().next().value as [string, Promise<WeakPredictor>];
            predictors.delete(old);
            core.loadedModels.delete(`weak/${old}`);
            void q.then((x) => x.release()).catch(() => undefined);
          }
        }
        return p;
      };
      app.addHook('onClose', async () => {
        for (const p of predictors.values()) await p.then((x) => x.release()).catch(() => undefined);
        predictors.clear();
      });

      const tags = ['weak'];
      const error = { type: 'object', properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } } };

      app.get('/info', { schema: { tags, summary: 'method 1 defaults: configuration, cold-start priors, job kind' } }, async () => ({
        jobKind: WEAK_TRAIN_JOB, defaults: DEFAULT_CONFIG, priors: priorNames(), sharedSets: sharedPath('data', 'monuseg') ? ['monuseg'] : [],
      }));

      app.post<{ Body: DatasetUpload }>('/datasets', {
        schema: {
          tags, summary: 'upload a training set: {images: [{name, image (base64 PNG/JPEG), ratio, error?}]}',
          body: {
            type: 'object', required: ['images'],
            properties: { images: { type: 'array', minItems: 1, items: { type: 'object', required: ['name', 'image', 'ratio'], properties: { name: { type: 'string' }, image: { type: 'string' }, ratio: {}, error: {} } } } },
          },
          response: { 201: { type: 'object', properties: { dataset: { type: 'string' }, images: { type: 'integer' } } }, 400: error, 413: error },
        },
      }, async (req, reply) => {
        const r = await storeDataset(datasets, req.body, core.config.maxPixels);
        void reply.code(201);
        return { dataset: r.id, images: r.images };
      });

      app.post<{ Body: WeakTrainParams }>('/train', {
        schema: { tags, summary: `start training (a '${WEAK_TRAIN_JOB}' job): {dataset | shared: 'monuseg', config?, trainSplit?, seed?}; follow /jobs/:id/events`, body: { type: 'object' } },
      }, async (req, reply) => {
        try {
          const rec = await core.jobs.submit(WEAK_TRAIN_JOB, req.body ?? {});
          return reply.code(202).send(rec);
        } catch (e) {
          throw (e as { statusCode?: number }).statusCode ? e : badRequest((e as Error).message);
        }
      });

      app.get('/models', { schema: { tags, summary: 'trained models (succeeded weak.train jobs): id, creation time, source (upload or a shared set name), training summary' } }, async () =>
        core.jobs.list().filter((j) => j.kind === WEAK_TRAIN_JOB && j.status === 'succeeded')
          .map((j) => ({ model: j.id, createdAt: j.createdAt, source: (j.params as WeakTrainParams).shared ?? 'upload', result: j.result })));

      app.post<{ Params: { id: string }; Querystring: { probability?: boolean; detail?: boolean } }>('/models/:id/predict', {
        schema: {
          tags,
          summary: 'segment an uploaded PNG/JPEG (body = image bytes): mask PNG (base64), estimated area ratio, optional probability PNG; '
            + 'detail=true adds the superpixel boundaries (PNG, image size) and the graph {vertices: [[x, y, p]], edges: [[i, j, w]]}',
          params: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
          querystring: { type: 'object', properties: { probability: { type: 'boolean', default: false }, detail: { type: 'boolean', default: false } } },
          response: { 400: error, 404: error, 413: error, 415: error },
        },
      }, async (req) => {
        const pred = await predictor(req.params.id);
        const img = await decodeUpload(req.body, req.headers['content-type'], core.config.maxPixels);
        const p = await pred.predict(createImage(img.width, img.height, 3, img.rgb), { detail: req.query.detail === true });
        const maskPng = await png(Uint8Array.from(p.mask, (v) => (v ? 255 : 0)), p.width, p.height);
        const probabilityPng = req.query.probability ? await png(Uint8Array.from(p.probability, (v) => Math.round(255 * Math.min(1, Math.max(0, v)))), p.width, p.height) : undefined;
        // A model without a vertex stage (the size-loss baseline) has no superpixels to show: boundaries and graph stay null.
        const detail = req.query.detail
          ? p.detail
            ? { boundaryPng: await png(boundaryPixels(p.detail, p.width, p.height), p.width, p.height), graph: detailGraph(p.detail) }
            : { boundaryPng: null, graph: null }
          : {};
        return {
          model: req.params.id, width: p.width, height: p.height, areaRatio: r4(p.ratio), maskPng, probabilityPng, ...detail,
          superpixel: p.superpixel ? { areaRatio: r4(p.superpixel.ratio), segments: p.superpixel.segments } : null,
          ms: Object.fromEntries(Object.entries(p.ms).map(([k, v]) => [k, Math.round(v * 10) / 10])),
        };
      });
    },
  };
}

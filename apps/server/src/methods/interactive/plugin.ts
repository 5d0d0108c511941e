import type { FastifyInstance } from 'fastify';
import type { Click } from '@seg/interactive';
import { createNodeSession } from '@seg/runtime/node';
import { createImage } from '@seg/tensor';
import { encodeImage } from '@seg/tensor/node';
import { badRequest, payloadTooLarge } from '../../core/errors';
import { decodeUpload } from '../../core/image-body';
import type { MethodPlugin, ServerCore } from '../../core/method-plugin';
import { BackboneChoice, resolveBackbone } from './backbone';
import { checkClickCount, parseClickBody } from './click-body';
import { InteractiveEngine } from './engine';
import { maskOutline, OutlinePolygon } from './mask-outline';
import * as S from './schemas';
import { ImageSession, SessionStore } from './sessions';

export interface InteractivePluginOptions {
  /** Feature backbone; default $SEG_INTERACTIVE_BACKBONE, else 'auto' (ResNet-50 v2 when its weights are found, the filter bank otherwise). */
  backbone?: BackboneChoice;
  /** Longest side features are computed at (default 512). */
  maxSide?: number;
}

interface ClickResult {
  sessionId: string;
  width: number;
  height: number;
  clicks: Click[];
  maskArea: number;
  maskPng?: string;
  polygons: OutlinePolygon[];
  timing: { queueMs: number; trainMs: number; predictMs: number; outlineMs: number; encodeMs: number; totalMs: number };
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/** The mask as a grayscale PNG: 0 background, 255 object. */
async function maskPng(mask: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const gray = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) gray[i] = mask[i] ? 255 : 0;
  return encodeImage(createImage(width, height, 1, gray), 'png');
}

/**
 * Method 5 over HTTP: POST an image to open a session (its backbone features are computed once
 * and kept in a byte-bounded cache), then add, remove or replace clicks; every change trains the
 * session's classifier on the click list (warm-started from its previous weights, as in the
 * browser) and answers with the mask (PNG) and its outline (polygons).
 */
export function interactivePlugin(options: InteractivePluginOptions = {}): MethodPlugin {
  return {
    name: 'interactive',
    prefix: '/interactive',
    async register(app: FastifyInstance, core: ServerCore) {
      const choice = options.backbone ?? ((process.env.SEG_INTERACTIVE_BACKBONE || 'auto') as BackboneChoice);
      const backbone = await resolveBackbone(choice, core.config.modelsDir);
      const ep = core.config.executionProvider;
      const engine = new InteractiveEngine({
        backbone,
        maxSide: options.maxSide,
        createSession: async (model, label) => {
          const s = await createNodeSession(model, { executionProvider: ep, threads: core.config.threads }, label);
          core.executionProvider.value = s.executionProvider;
          return s;
        },
      });
      const store = new SessionStore(core.config.featureCacheBytes, (id) => engine.forget(id));
      core.loadedModels.add(`interactive/${backbone.name}`);
      app.log.info(`interactive: backbone ${backbone.name}, ${backbone.source}`);
      app.addHook('onClose', async () => { await engine.release(); });

      const describe = (s: ImageSession) => ({
        sessionId: s.id, width: s.width, height: s.height, backbone: backbone.name, backboneSource: backbone.source,
        workingSize: engine.workingSize(s.width, s.height),
        grid: { width: s.grid.width, height: s.grid.height, channels: s.grid.channels },
        clicks: s.clicks,
      });

      /** Retrains on `clicks`, stores them with the new mask, and builds the response. */
      async function update(s: ImageSession, clicks: Click[], withPng: boolean): Promise<ClickResult> {
        const t0 = performance.now();
        checkClickCount(clicks.length);
        let mask: Uint8Array;
        let queueMs = 0, trainMs = 0, predictMs = 0;
        if (clicks.length === 0) {
          // a cleared session starts its next object from fresh weights
          engine.forget(s.id);
          mask = new Uint8Array(s.width * s.height);
        } else {
          const p = await engine.predict(s.id, s.grid, s.superpixels, clicks);
          mask = p.mask;
          queueMs = p.queueMs;
          trainMs = p.ms.train;
          predictMs = p.ms.predict + p.ms.upsample;
        }
        s.clicks = clicks;
        s.mask = mask;
        const t1 = performance.now();
        const polygons = maskOutline(mask, s.width, s.height);
        let area = 0;
        for (let i = 0; i < mask.length; i++) area += mask[i];
        const t2 = performance.now();
        const png = withPng ? Buffer.from(await maskPng(mask, s.width, s.height)).toString('base64') : undefined;
        const t3 = performance.now();
        return {
          sessionId: s.id, width: s.width, height: s.height, clicks, maskArea: area, maskPng: png, polygons,
          timing: { queueMs: round(queueMs), trainMs: round(trainMs), predictMs: round(predictMs), outlineMs: round(t2 - t1), encodeMs: round(t3 - t2), totalMs: round(t3 - t0) },
        };
      }

      const tags = ['interactive'];
      const err = { 400: S.errorBody, 404: S.errorBody };
      type IdReq = { Params: { id: string } };
      type ClickReq = IdReq & { Querystring: { maskPng?: boolean }; Body: unknown };

      app.get('/info', { schema: { tags, summary: 'the backbone in use and the session cache', response: { 200: S.methodInfo } } }, async () => ({
        backbone: backbone.name, backboneSource: backbone.source, maxSide: engine.maxSide,
        sessions: store.size, activeClassifiers: engine.activeClassifiers, cacheBytes: store.bytes, cacheBudgetBytes: store.budgetBytes,
      }));

      app.post('/sessions', {
        schema: {
          tags, summary: 'open a session: upload a PNG or JPEG (body = image bytes, content-type image/png or image/jpeg); features are computed once',
          response: { 201: S.sessionInfo, 400: S.errorBody, 413: S.errorBody, 415: S.errorBody },
        },
      }, async (req, reply) => {
        const img = await decodeUpload(req.body, req.headers['content-type'], core.config.maxPixels);
        const { grid, superpixels, ms } = await engine.features(createImage(img.width, img.height, 3, img.rgb));
        let s: ImageSession;
        try {
          s = store.create(img.width, img.height, grid, superpixels);
        } catch (e) {
          throw payloadTooLarge((e as Error).message);
        }
        void reply.code(201);
        return { ...describe(s), featureMs: round(ms) };
      });

      app.get<IdReq>('/sessions/:id', { schema: { tags, summary: 'a session: image size, backbone, clicks', params: S.sessionParams, response: { 200: S.sessionInfo, 404: S.errorBody } } },
        async (req) => describe(store.get(req.params.id)));

      app.delete<IdReq>('/sessions/:id', { schema: { tags, summary: 'close a session and free its features', params: S.sessionParams, response: { 404: S.errorBody } } },
        async (req, reply) => {
          store.get(req.params.id);
          store.delete(req.params.id);
          void reply.code(204);
        });

      app.post<ClickReq>('/sessions/:id/clicks', {
        schema: { tags, summary: 'add one click {x, y, label} or several {clicks: [...]}; answers the new mask and outline', params: S.sessionParams, querystring: S.maskQuery, body: S.clicksBody, response: { 200: S.clickResult, ...err } },
      }, async (req) => {
        const s = store.get(req.params.id);
        const added = parseClickBody(req.body, s.width, s.height, { single: true });
        return s.edits.run(() => update(s, [...s.clicks, ...added], req.query.maskPng !== false));
      });

      app.put<ClickReq>('/sessions/:id/clicks', {
        schema: { tags, summary: 'replace the whole click list {clicks: [...]}; answers the new mask and outline', params: S.sessionParams, querystring: S.maskQuery, body: S.clicksBody, response: { 200: S.clickResult, ...err } },
      }, async (req) => {
        const s = store.get(req.params.id);
        const clicks = parseClickBody(req.body, s.width, s.height, { single: false });
        return s.edits.run(() => update(s, clicks, req.query.maskPng !== false));
      });

      app.delete<ClickReq>('/sessions/:id/clicks', {
        schema: { tags, summary: 'remove every click (empty mask)', params: S.sessionParams, querystring: S.maskQuery, response: { 200: S.clickResult, ...err } },
      }, async (req) => {
        const s = store.get(req.params.id);
        return s.edits.run(() => update(s, [], req.query.maskPng !== false));
      });

      app.delete<ClickReq & { Params: { index: string } }>('/sessions/:id/clicks/:index', {
        schema: {
          tags, summary: "remove one click by its index (0-based) or 'last' (undo)",
          params: { type: 'object', required: ['id', 'index'], properties: { id: { type: 'string' }, index: { type: 'string' } } },
          querystring: S.maskQuery, response: { 200: S.clickResult, ...err },
        },
      }, async (req) => {
        const s = store.get(req.params.id);
        const raw = req.params.index;
        return s.edits.run(() => {
          const i = raw === 'last' ? s.clicks.length - 1 : /^\d+$/.test(raw) ? Number(raw) : NaN;
          if (!Number.isInteger(i) || i < 0 || i >= s.clicks.length) {
            throw badRequest(`no click '${raw}' to remove: the session has ${s.clicks.length} click${s.clicks.length === 1 ? '' : 's'} (use an index 0..${s.clicks.length - 1} or 'last')`);
          }
          return update(s, s.clicks.filter((_, k) => k !== i), req.query.maskPng !== false);
        });
      });

      app.get<IdReq>('/sessions/:id/mask.png', {
        schema: { tags, summary: 'the current mask as a grayscale PNG (0 background, 255 object)', params: S.sessionParams, response: { 404: S.errorBody } },
      }, async (req, reply) => {
        const s = store.get(req.params.id);
        const png = await maskPng(s.mask, s.width, s.height);
        return reply.type('image/png').header('cache-control', 'no-store').send(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      });

      app.get<{ Querystring: { width: number; height: number } }>('/features-model', {
        schema: { tags, summary: "the backbone feature graph as ONNX bytes (weights included) for an input of width x height, to run in the browser", querystring: S.featureModelQuery, response: { 400: S.errorBody } },
      }, async (req, reply) => {
        const { width, height } = req.query;
        let bytes: Uint8Array;
        try {
          bytes = engine.featureModel(height, width);
        } catch (e) {
          throw badRequest(`cannot build the ${backbone.name} feature model for ${width}x${height}: ${(e as Error).message}`);
        }
        return reply.type('application/octet-stream')
          .header('x-seg-backbone', backbone.name)
          .header('cache-control', 'public, max-age=3600')
          .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      });
    },
  };
}

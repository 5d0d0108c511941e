import { GraphBuilder, op, serializeModel } from '@seg/onnx';
import type { Session } from '@seg/runtime';
import { Tensor } from '@seg/tensor';
import type { FeatureGrid } from '../features/feature-grid';

/**
 * The C-dimensional work of a click: dot products between grid cells (for the Gram matrix of the
 * training rows) and the dense pass of the class weight vectors over every cell. Everything else
 * in a click is n x n or per superpixel.
 */
export interface CellProducts {
  /** [a.length, b.length] dot products of grid cells a[i] and b[j]. */
  products(grid: FeatureGrid, a: Int32Array, b: Int32Array): Promise<Float32Array>;
  /** [cells, V] products of every grid cell with V weight vectors w [V, C]. */
  project(grid: FeatureGrid, w: Float32Array, vectors: number): Promise<Float32Array>;
  release(): Promise<void>;
}

/** Dot product of two C-vectors inside Float32Arrays, accumulated in float64, unrolled by four. */
export function dotRows(a: Float32Array, ao: number, b: Float32Array, bo: number, c: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let k = 0;
  for (; k + 3 < c; k += 4) {
    s0 += a[ao + k] * b[bo + k];
    s1 += a[ao + k + 1] * b[bo + k + 1];
    s2 += a[ao + k + 2] * b[bo + k + 2];
    s3 += a[ao + k + 3] * b[bo + k + 3];
  }
  for (; k < c; k++) s0 += a[ao + k] * b[bo + k];
  return s0 + s1 + s2 + s3;
}

/** Plain TypeScript products (no runtime needed; fine for narrow features such as the filter bank's). */
export function scriptProducts(): CellProducts {
  return {
    async products(grid, a, b) {
      const C = grid.channels, d = grid.data;
      const out = new Float32Array(a.length * b.length);
      for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i * b.length + j] = dotRows(d, a[i] * C, d, b[j] * C, C);
      return out;
    },
    async project(grid, w, vectors) {
      const C = grid.channels, d = grid.data, n = grid.width * grid.height;
      const out = new Float32Array(n * vectors);
      for (let i = 0; i < n; i++) for (let v = 0; v < vectors; v++) out[i * vectors + v] = dotRows(d, i * C, w, v * C, C);
      return out;
    },
    async release() {},
  };
}

/**
 * The products as two small ONNX graphs run by the session factory (onnxruntime's multi-threaded
 * GEMM): Gather + Gemm(transB) for cell products, Gemm(transB) for the dense pass. The grid is fed
 * as an input each time (onnxruntime-node wraps the buffer without copying). Sessions are built
 * once per channel count.
 */
export function engineProducts(createSession: (model: Uint8Array, label: string) => Promise<Session>): CellProducts {
  const sessions = new Map<string, Promise<Session>>();
  const session = (kind: 'products' | 'project', channels: number): Promise<Session> => {
    const key = `${kind}:${channels}`;
    let s = sessions.get(key);
    if (!s) {
      const b = new GraphBuilder({ name: `interactive-${kind}` });
      const grid = b.input('grid', 'float32', ['cells', channels]);
      if (kind === 'products') {
        const a = b.input('a', 'int64', ['m']);
        const c = b.input('b', 'int64', ['k']);
        b.output(op.gemm(op.gather(grid, a), op.gather(grid, c), null, { transB: true }), 'out');
      } else {
        const w = b.input('w', 'float32', ['v', channels]);
        b.output(op.gemm(grid, w, null, { transB: true }), 'out');
      }
      s = createSession(serializeModel(b), `interactive cell ${kind} (${channels} channels)`);
      sessions.set(key, s);
    }
    return s;
  };
  const gridTensor = (grid: FeatureGrid): Tensor => {
    const n = grid.width * grid.height;
    const data = grid.data.length === n * grid.channels ? grid.data : grid.data.subarray(0, n * grid.channels);
    return new Tensor('float32', [n, grid.channels], data);
  };
  const indices = (x: Int32Array): Tensor => new Tensor('int64', [x.length], BigInt64Array.from(x, (v) => BigInt(v)));
  return {
    async products(grid, a, b) {
      if (a.length === 0 || b.length === 0) return new Float32Array(a.length * b.length);
      const s = await session('products', grid.channels);
      const out = await s.run({ grid: gridTensor(grid), a: indices(a), b: indices(b) });
      return out.out.data as Float32Array;
    },
    async project(grid, w, vectors) {
      const s = await session('project', grid.channels);
      const out = await s.run({ grid: gridTensor(grid), w: new Tensor('float32', [vectors, grid.channels], w) });
      return out.out.data as Float32Array;
    },
    async release() {
      const all = [...sessions.values()];
      sessions.clear();
      for (const s of all) await (await s).release();
    },
  };
}

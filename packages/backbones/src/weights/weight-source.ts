import { Tensor } from '@seg/tensor';

/**
 * Named weights for a backbone: `get(name, dims)` returns the float32 tensor stored under `name`
 * and checks it has the dims the architecture expects. Node code fills one from `.npy` files
 * ('@seg/backbones/node'); a browser app fills one from tensors it fetched (`weightsFromMap`).
 */
export interface WeightSource {
  get(name: string, dims: readonly number[]): Tensor;
  /** Human-readable origin for error messages (a folder, 'synthetic', ...). */
  readonly label: string;
}

/** A weight source over tensors already in memory; shape and dtype mismatches name the weight. */
export function weightsFromMap(tensors: ReadonlyMap<string, Tensor> | Readonly<Record<string, Tensor>>, label = 'in-memory weights'): WeightSource {
  const map: ReadonlyMap<string, Tensor> = tensors instanceof Map ? tensors : new Map(Object.entries(tensors));
  return {
    label,
    get(name, dims) {
      const t = map.get(name);
      if (!t) throw new Error(`weight '${name}' not found in ${label} (${map.size} tensors)`);
      return t.expect(`weight '${name}' from ${label}`, 'float32', dims);
    },
  };
}

/** Looks names up in `first`, falling back to `second` for names `first` lacks (e.g. trained values over an initialisation). */
export function overlayWeights(first: ReadonlyMap<string, Tensor>, second: WeightSource): WeightSource {
  return {
    label: `${first.size} given tensors over ${second.label}`,
    get(name, dims) {
      const t = first.get(name);
      return t ? t.expect(`weight '${name}'`, 'float32', dims) : second.get(name, dims);
    },
  };
}

/** Records every name and shape asked for, returning zeros: what a browser app must fetch. */
export function recordingWeights(): WeightSource & { requested: { name: string; dims: number[] }[] } {
  const requested: { name: string; dims: number[] }[] = [];
  // Zero tensors share one buffer per size so that listing ResNet-50's weights costs little memory.
  const zeros = new Map<number, Float32Array>();
  return {
    label: 'recording',
    requested,
    get(name, dims) {
      requested.push({ name, dims: [...dims] });
      const size = dims.reduce((a, d) => a * d, 1);
      let buf = zeros.get(size);
      if (!buf) { buf = new Float32Array(size); zeros.set(size, buf); }
      return new Tensor('float32', dims, buf);
    },
  };
}

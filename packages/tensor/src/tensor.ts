import { allocate, DataTypeMap, DType, dtypeOf, TypedArray } from './dtype';
import { sameShape, shapeString, sizeOf, stridesOf } from './shape';

/**
 * A dense row-major tensor: an element type, dimensions and a typed array that holds exactly
 * `prod(dims)` elements. Cheap to create; `reshape` shares the data.
 */
export class Tensor<D extends DType = DType> {
  readonly dtype: D;
  readonly dims: readonly number[];
  readonly data: DataTypeMap[D];

  constructor(dtype: D, dims: readonly number[], data?: DataTypeMap[D]) {
    const size = sizeOf(dims);
    const buf = data ?? allocate(dtype, size);
    if (buf.length !== size) {
      throw new Error(`tensor data has ${buf.length} elements but shape ${shapeString(dims)} needs ${size}`);
    }
    const native = dtypeOf(buf);
    if (native !== dtype && !(dtype === 'bool' && native === 'uint8')) {
      throw new Error(`a ${dtype} tensor needs ${allocate(dtype, 0).constructor.name} data, got ${buf.constructor.name}`);
    }
    this.dtype = dtype;
    this.dims = Object.freeze([...dims]);
    this.data = buf;
  }

  static fromArray<T extends DType>(dtype: T, dims: readonly number[], values: ArrayLike<number> | ArrayLike<bigint>): Tensor<T> {
    const t = new Tensor(dtype, dims);
    const out = t.data as TypedArray;
    if (values.length !== out.length) {
      throw new Error(`fromArray: ${values.length} values for shape ${shapeString(dims)} (${out.length} elements)`);
    }
    if (out instanceof BigInt64Array) for (let i = 0; i < out.length; i++) out[i] = BigInt(values[i] as number | bigint);
    else for (let i = 0; i < out.length; i++) (out as Float32Array)[i] = Number(values[i]);
    return t;
  }

  static zeros<T extends DType>(dtype: T, dims: readonly number[]): Tensor<T> {
    return new Tensor(dtype, dims);
  }

  static scalar(value: number, dtype: 'float32' | 'float64' | 'int32' = 'float32'): Tensor {
    return Tensor.fromArray(dtype, [], [value]);
  }

  get size(): number { return this.data.length; }
  get rank(): number { return this.dims.length; }
  get strides(): number[] { return stridesOf(this.dims); }

  /** Same data under another shape; one dimension may be -1. */
  reshape(dims: readonly number[]): Tensor<D> {
    const known = dims.filter((d) => d !== -1);
    const inferred = dims.length - known.length;
    if (inferred > 1) throw new Error(`reshape: at most one -1 allowed, got ${shapeString(dims)}`);
    const k = sizeOf(known);
    const full = dims.map((d) => (d === -1 ? this.size / k : d));
    if (full.some((d) => !Number.isInteger(d) || d < 0) || sizeOf(full) !== this.size) {
      throw new Error(`reshape: cannot view ${shapeString(this.dims)} (${this.size} elements) as ${shapeString(dims)}`);
    }
    return new Tensor(this.dtype, full, this.data);
  }

  /** Element at a multi-index, as a number (int64 converted). */
  get(...index: number[]): number {
    return Number(this.data[this.offset(index)]);
  }

  set(value: number, ...index: number[]): void {
    const o = this.offset(index);
    if (this.data instanceof BigInt64Array) this.data[o] = BigInt(Math.trunc(value));
    else (this.data as Float32Array)[o] = value;
  }

  offset(index: readonly number[]): number {
    if (index.length !== this.rank) throw new Error(`index of rank ${index.length} into tensor of shape ${shapeString(this.dims)}`);
    let o = 0;
    const s = this.strides;
    for (let i = 0; i < index.length; i++) {
      const v = index[i];
      if (v < 0 || v >= this.dims[i]) throw new Error(`index ${v} out of range for axis ${i} of shape ${shapeString(this.dims)}`);
      o += v * s[i];
    }
    return o;
  }

  clone(): Tensor<D> {
    return new Tensor(this.dtype, this.dims, this.data.slice() as DataTypeMap[D]);
  }

  /** Converts element type (rounding toward zero for integer targets). */
  cast<T extends DType>(dtype: T): Tensor<T> {
    const out = new Tensor(dtype, this.dims);
    const src = this.data as TypedArray;
    const dst = out.data as TypedArray;
    if (dst instanceof BigInt64Array) for (let i = 0; i < src.length; i++) dst[i] = BigInt(Math.trunc(Number(src[i])));
    else if (dtype === 'bool') for (let i = 0; i < src.length; i++) dst[i] = Number(src[i]) !== 0 ? 1 : 0;
    else for (let i = 0; i < src.length; i++) (dst as Float64Array)[i] = Number(src[i]);
    return out;
  }

  /** Throws unless this tensor has the expected dtype and shape (-1 matches any size). */
  expect(what: string, dtype: DType | null, dims: readonly number[] | null): this {
    if (dtype && dtype !== this.dtype) throw new Error(`${what}: expected dtype ${dtype}, got ${this.dtype}`);
    if (dims) {
      const ok = dims.length === this.rank && dims.every((d, i) => d === -1 || d === this.dims[i]);
      if (!ok) throw new Error(`${what}: expected shape ${shapeString(dims)}, got ${shapeString(this.dims)}`);
    }
    return this;
  }

  toArray(): number[] {
    return Array.from(this.data as ArrayLike<number | bigint>, Number);
  }

  equalsShape(dims: readonly number[]): boolean { return sameShape(this.dims, dims); }

  toString(): string { return `Tensor<${this.dtype}>${shapeString(this.dims)}`; }
}

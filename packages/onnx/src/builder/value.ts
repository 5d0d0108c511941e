import type { DType } from '@seg/tensor';
import type { GraphBuilder } from './graph-builder';

/** A dimension: a size, or a symbolic name (e.g. 'batch') for sizes known only at run time. */
export type Dim = number | string;

/** A tensor-valued edge of the graph under construction, with its inferred type and shape. */
export class Value {
  constructor(
    readonly builder: GraphBuilder,
    readonly name: string,
    readonly dtype: DType,
    readonly dims: readonly Dim[],
  ) {}

  get rank(): number { return this.dims.length; }

  /** Static dimensions; throws naming this value when any dimension is symbolic. */
  get shape(): number[] {
    return this.dims.map((d, i) => {
      if (typeof d !== 'number') throw new Error(`value '${this.name}': dimension ${i} is symbolic ('${d}'), a static size is needed`);
      return d;
    });
  }

  get isStatic(): boolean { return this.dims.every((d) => typeof d === 'number'); }

  toString(): string { return `${this.name}: ${this.dtype}[${this.dims.join(', ')}]`; }
}

export interface TypeInfo { dtype: DType; dims: readonly Dim[] }

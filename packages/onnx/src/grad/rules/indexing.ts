import { Tensor } from '@seg/tensor';
import { attrNumber, attrString } from '../../builder/attributes';
import type { Value } from '../../builder/value';
import { normAxis, staticDims, unbroadcast, zerosLike, zerosOf } from '../helpers';
import type { GradRule } from '../types';

/**
 * Backward rules of the indexing ops. A gather's gradient is a scatter-add of dy into zeros at
 * the gathered positions ('add' so that repeated indices accumulate); a scatter's gradient
 * gathers dy at the scattered positions for the updates and zeroes them for the data.
 */


/** Gather(data, indices, axis): view data as [outer, A, inner] and scatter-add along A. */
const gatherGrad: GradRule = {
  opType: 'Gather',
  grad: ({ node, builder: b }, [dy]) => [() => {
    const [data, indices] = node.inputs as Value[];
    const dd = staticDims(data, `gradient of '${node.name}'`);
    const axis = normAxis(attrNumber(node.attributes, 'axis', 0), data.rank);
    const outer = dd.slice(0, axis).reduce((a, d) => a * d, 1);
    const inner = dd.slice(axis + 1).reduce((a, d) => a * d, 1);
    const j = staticDims(indices, `gradient of '${node.name}'`).reduce((a, d) => a * d, 1);
    const idx = b.node1('Expand', [b.node1('Reshape', [indices, b.ints([1, j, 1])]), b.ints([outer, j, inner])]);
    const upd = b.node1('Reshape', [dy!, b.ints([outer, j, inner])]);
    const zeros = zerosOf(data.dtype, [outer, dd[axis], inner], b);
    const dx = b.node1('ScatterElements', [zeros, idx, upd], { axis: 1, reduction: 'add' });
    return b.node1('Reshape', [dx, b.ints(dd)]);
  }, null],
};

const gatherElementsGrad: GradRule = {
  opType: 'GatherElements',
  grad: ({ node, builder: b }, [dy]) => [() => {
    const [data, indices] = node.inputs as Value[];
    return b.node1('ScatterElements', [zerosLike(data), indices, dy!], { axis: attrNumber(node.attributes, 'axis', 0), reduction: 'add' });
  }, null],
};

/**
 * Full GatherND/ScatterND indices for batch_dims b > 0: prepend each element's batch coordinates
 * so that a batch_dims=0 ScatterND addresses the same elements.
 */
function withBatchCoords(indices: Value, batchDims: number): Value {
  const b = indices.builder;
  const id = staticDims(indices, 'GatherND indices with batch_dims');
  const lead = id.slice(0, -1);
  const count = lead.reduce((a, d) => a * d, 1);
  const coords = new Tensor('int64', [...lead, batchDims]);
  const cd = coords.data as BigInt64Array;
  for (let e = 0; e < count; e++) {
    let rem = e;
    const full: number[] = new Array(lead.length);
    for (let a = lead.length - 1; a >= 0; a--) { full[a] = rem % lead[a]; rem = Math.floor(rem / lead[a]); }
    for (let k = 0; k < batchDims; k++) cd[e * batchDims + k] = BigInt(full[k]);
  }
  const idx64 = indices.dtype === 'int64' ? indices : b.node1('Cast', [indices], { to: 7 });
  return b.node1('Concat', [b.constant(coords), idx64], { axis: -1 });
}

const gatherNDGrad: GradRule = {
  opType: 'GatherND',
  grad: ({ node, builder: b }, [dy]) => [() => {
    const [data, indices] = node.inputs as Value[];
    const batchDims = attrNumber(node.attributes, 'batch_dims', 0);
    const idx = batchDims > 0 ? withBatchCoords(indices, batchDims) : indices;
    return b.node1('ScatterND', [zerosLike(data), idx, dy!], { reduction: 'add' });
  }, null],
};

/** ScatterElements: data keeps dy except where overwritten; updates take dy there ('add': all of dy). */
const scatterElementsGrad: GradRule = {
  opType: 'ScatterElements',
  grad: ({ node, builder: b }, [dy]) => {
    const [, indices, updates] = node.inputs as Value[];
    const axis = attrNumber(node.attributes, 'axis', 0);
    const reduction = attrString(node.attributes, 'reduction', 'none');
    if (reduction !== 'none' && reduction !== 'add') throw new Error(`gradient of '${node.name}': reduction '${reduction}' is not supported (none and add are)`);
    return [
      () => (reduction === 'add' ? dy! : b.node1('ScatterElements', [dy!, indices, zerosLike(updates)], { axis })),
      null,
      () => b.node1('GatherElements', [dy!, indices], { axis }),
    ];
  },
};

const scatterNDGrad: GradRule = {
  opType: 'ScatterND',
  grad: ({ node, builder: b }, [dy]) => {
    const [, indices, updates] = node.inputs as Value[];
    const reduction = attrString(node.attributes, 'reduction', 'none');
    if (reduction !== 'none' && reduction !== 'add') throw new Error(`gradient of '${node.name}': reduction '${reduction}' is not supported (none and add are)`);
    return [
      () => (reduction === 'add' ? dy! : b.node1('ScatterND', [dy!, indices, zerosLike(updates)])),
      null,
      () => b.node1('GatherND', [dy!, indices]),
    ];
  },
};

/** Where(cond, x, y): dy flows to x where cond holds and to y elsewhere, summed to broadcast shapes. */
const whereGrad: GradRule = {
  opType: 'Where',
  grad: ({ node, builder: b }, [dy]) => {
    const [cond, x, y] = node.inputs as Value[];
    const zero = b.scalar(0, dy!.dtype);
    return [
      null,
      () => unbroadcast(b.node1('Where', [cond, dy!, zero]), x.dims),
      () => unbroadcast(b.node1('Where', [cond, zero, dy!]), y.dims),
    ];
  },
};

/** TopK: the values' gradient goes back to the picked positions (Indices carry none). */
const topkGrad: GradRule = {
  opType: 'TopK',
  grad: ({ node, builder: b }, [dValues]) => [() => {
    if (!dValues) return null;
    const x = node.inputs[0] as Value;
    const indices = node.outputs[1];
    if (!indices) throw new Error(`gradient of '${node.name}' needs TopK's Indices output`);
    return b.node1('ScatterElements', [zerosLike(x), indices, dValues], { axis: attrNumber(node.attributes, 'axis', -1), reduction: 'add' });
  }, null],
};

export const indexingGrads: GradRule[] = [gatherGrad, gatherElementsGrad, gatherNDGrad, scatterElementsGrad, scatterNDGrad, whereGrad, topkGrad];

import { Rng } from '@seg/tensor';
import { createNodeSession } from '@seg/runtime/node';
import { GraphBuilder } from '../builder/graph-builder';
import { add } from '../ops/binary';
import { conv } from '../ops/conv';
import { maxPool } from '../ops/pool';
import { relu, sigmoid } from '../ops/unary';
import { runAll } from '../testing/run-graph';
import { randn } from '../testing/tensors';
import { cutModel } from './cut';
import { parseModel } from './parse';
import { serializeModel } from './serialize';

describe('cutModel', () => {
  const rng = new Rng(4);
  const build = () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', ['n', 2, 6, 6]);
    const side = b.input('side', 'float32', ['n', 3, 3, 3]);
    const w1 = b.param('c1/weight', randn(rng, [3, 2, 3, 3]));
    const w2 = b.param('c2/weight', randn(rng, [3, 3, 1, 1]));
    const h = b.scope('stage1', () => relu(conv(x, w1, null, { pads: [1, 1, 1, 1] })));
    const p = b.scope('stage2', () => maxPool(h, { kernel: [2, 2], strides: [2, 2] }));
    const z = add(conv(p, w2), side);
    b.output(sigmoid(z), 'y');
    return { b, h, p };
  };

  it('exposes intermediate values whose results equal the full model\'s, and prunes what they do not need', async () => {
    const { b, h, p } = build();
    const full = serializeModel(b, { valueInfo: true });
    const cut = cutModel(full, [p.name, h.name]);
    const parsed = parseModel(cut);
    expect(parsed.outputs).toEqual([{ name: p.name, dtype: 'float32', dims: ['n', 3, 3, 3] }, { name: h.name, dtype: 'float32', dims: ['n', 3, 6, 6] }]);
    expect(parsed.nodes.map((n) => n.opType)).toEqual(['Conv', 'Relu', 'MaxPool']);
    expect(parsed.inputs.map((i) => i.name)).toEqual(['x']); // 'side' is no longer needed
    expect([...parsed.initializers.keys()]).toEqual(['c1/weight']);
    const xt = randn(rng, [2, 2, 6, 6]);
    const ref = await runAll(b, { x: xt, side: randn(rng, [2, 3, 3, 3]) });
    const s = await createNodeSession(cut);
    const out = await s.run({ x: xt });
    expect(out[p.name].dims).toEqual([2, 3, 3, 3]);
    expect(out[p.name].data).toEqual(ref.values[p.name].data);
    expect(out[h.name].data).toEqual(ref.values[h.name].data);
    const kept = parseModel(cutModel(full, [p.name], { keepUnusedInputs: true }));
    expect(kept.inputs.map((i) => i.name)).toEqual(['x', 'side']);
  });

  it('needs a type for values without value_info and names unknown values', () => {
    const { b, p } = build();
    const bare = serializeModel(b);
    expect(() => cutModel(bare, [p.name])).toThrow(new RegExp(`type of '${p.name}' is unknown.*options.types`));
    const typed = parseModel(cutModel(bare, [p.name], { types: { [p.name]: { dtype: 'float32', dims: ['n', 3, 3, 3] } } }));
    expect(typed.outputs[0].dims).toEqual(['n', 3, 3, 3]);
    expect(() => cutModel(bare, ['stage9/Relu'])).toThrow(/no value named 'stage9\/Relu'/);
    expect(() => cutModel(new Uint8Array([1, 2, 3]), ['a'])).toThrow(/cutModel: not an ONNX model/);
  });
});

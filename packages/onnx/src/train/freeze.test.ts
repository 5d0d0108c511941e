import { Tensor } from '@seg/tensor';
import { createNodeSession } from '@seg/runtime/node';
import { GraphBuilder } from '../builder/graph-builder';
import * as op from '../ops';
import { sgd } from '../optim';
import { freezeParameters } from './freeze';
import { buildTrainingStep } from './training-step';

function build(fed: boolean) {
  const b = new GraphBuilder();
  const x = b.input('x', 'float32', [2]);
  const g = b.param('gen/w', Tensor.fromArray('float32', [2], [1, 2]));
  const d = b.param('disc/w', Tensor.fromArray('float32', [2], [3, 4]));
  const loss = op.reduceSum(op.mul(op.mul(x, g), d));
  expect(freezeParameters(b, (n) => n.startsWith('disc/'), { fed })).toEqual(['disc/w']);
  return buildTrainingStep({ builder: b, loss, optimizer: sgd({ lr: 0.5 }) });
}

describe('freezeParameters', () => {
  it('keeps frozen parameters out of the gradient and optimizer; fed ones are inputs passed through', async () => {
    const constant = build(false);
    expect(constant.spec.carried.map((c) => c.input)).toEqual(['gen/w']);
    const fed = build(true);
    expect(fed.spec.carried.map((c) => `${c.kind}:${c.input}`)).toEqual(['parameter:gen/w', 'state:disc/w']);
    const s = await createNodeSession(fed.serialize());
    const out = await s.run({
      x: Tensor.fromArray('float32', [2], [1, 1]), step: Tensor.fromArray('int64', [], [0n]),
      'gen/w': Tensor.fromArray('float32', [2], [1, 2]), 'disc/w': Tensor.fromArray('float32', [2], [10, 20]),
    });
    // d loss / d gen = x * disc (the fed value, not the built one)
    expect(out['gen/w.new'].toArray()).toEqual([1 - 0.5 * 10, 2 - 0.5 * 20]);
    expect(out['disc/w.new'].toArray()).toEqual([10, 20]);
  });
});

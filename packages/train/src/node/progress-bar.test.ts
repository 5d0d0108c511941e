import { progressReporter } from './progress-bar';

/** A stream stand-in that records what is written. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const stream = { isTTY, columns: 120, write: (s: string) => { out += s; return true; }, on: () => stream, removeListener: () => stream, cursorTo: () => true, clearLine: () => true, moveCursor: () => true } as unknown as NodeJS.WriteStream;
  return { stream, text: () => out };
}

const event = (step: number) => ({ step, steps: 4, loss: 0.5 / step, lr: 0.01, metrics: { iou: 0.9 }, elapsedMs: step * 10, stepsPerSecond: 100 });

describe('progressReporter', () => {
  it('logs plain lines every logEvery steps off a TTY', () => {
    const { stream, text } = fakeStream(false);
    const p = progressReporter({ stream, logEvery: 2, label: 'gcn' });
    [1, 2, 3, 4].forEach((s) => p.onProgress(event(s)));
    p.onEvaluate({ step: 4, metrics: { iou: 0.91 }, best: true, bestStep: 4, bestValue: 0.91 });
    p.stop();
    expect(text().split('\n').filter(Boolean)).toEqual([
      'gcn 2/4 loss 0.2500 lr 0.0100 iou 0.9000 100.0 it/s',
      'gcn 4/4 loss 0.1250 lr 0.0100 iou 0.9000 100.0 it/s',
      'gcn eval @4: iou 0.9100 (best)',
    ]);
  });

  it('draws a bar with loss and speed on a TTY', () => {
    const { stream, text } = fakeStream(true);
    const p = progressReporter({ stream });
    [1, 2, 3, 4].forEach((s) => p.onProgress(event(s)));
    p.stop();
    expect(text()).toMatch(/train \[[^\]]+\] 4\/4 \| loss 0\.1250 lr 0\.0100 iou 0\.9000 \| 100\.0 it\/s/);
  });
});

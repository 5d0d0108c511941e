import { Tensor } from '@seg/tensor';
import { GraphBuilder } from '../../builder/graph-builder';
import { runGraph } from '../../train/testing/run-graph';
import { constantSchedule, cosineSchedule, multiStepSchedule, polySchedule, Schedule, stepSchedule, warmupSchedule } from './index';

const STEPS = [0, 1, 4, 5, 9, 10, 11, 29, 30, 49, 50, 99, 100, 150, 1000];

/** Runs a schedule's graph form at every step of STEPS. */
async function graphFactors(s: Schedule): Promise<number[]> {
  const out: number[] = [];
  const b = new GraphBuilder();
  const step = b.input('step', 'float32', []);
  b.output(s.emit(step), 'factor');
  for (const k of STEPS) out.push((await runGraph(b, { step: Tensor.fromArray('float32', [], [k]) })).factor.data[0] as number);
  return out;
}

describe('learning-rate schedules', () => {
  const cases: [string, Schedule, (k: number) => number][] = [
    ['constant', constantSchedule(), () => 1],
    ['step', stepSchedule({ stepSize: 10, gamma: 0.5 }), (k) => 0.5 ** Math.floor(k / 10)],
    ['multistep', multiStepSchedule({ milestones: [5, 30, 100], gamma: 0.1 }), (k) => 0.1 ** [5, 30, 100].filter((m) => k >= m).length],
    ['cosine', cosineSchedule({ totalSteps: 100, minFactor: 0.1 }), (k) => 0.1 + 0.9 * 0.5 * (1 + Math.cos((Math.PI * Math.min(k, 100)) / 100))],
    ['poly', polySchedule({ totalSteps: 100, power: 0.9 }), (k) => (1 - Math.min(k, 100) / 100) ** 0.9],
    ['warmup+cosine', warmupSchedule(cosineSchedule({ totalSteps: 100 }), { steps: 10, startFactor: 0.1 }),
      (k) => 0.5 * (1 + Math.cos((Math.PI * Math.min(k, 100)) / 100)) * Math.min(1, 0.1 + (0.9 * k) / 10)],
    ['warmup+step', warmupSchedule(stepSchedule({ stepSize: 30 }), { steps: 5 }),
      (k) => 0.1 ** Math.floor(k / 30) * Math.min(1, 0.001 + (0.999 * k) / 5)],
  ];
  it.each(cases)('%s: the graph and factorAt agree with the definition', async (_name, s, ref) => {
    const got = await graphFactors(s);
    STEPS.forEach((k, i) => {
      const want = ref(k);
      expect(Math.abs(s.factorAt(k) - want)).toBeLessThan(1e-12);
      expect(Math.abs(got[i] - want)).toBeLessThan(2e-6 * Math.max(1, want));
    });
  });

  it('hits the landmarks: half way down a cosine, warm-up start and end, step boundaries', () => {
    expect(cosineSchedule({ totalSteps: 100 }).factorAt(50)).toBeCloseTo(0.5, 12);
    expect(cosineSchedule({ totalSteps: 100, minFactor: 0.2 }).factorAt(1e6)).toBeCloseTo(0.2, 12);
    const w = warmupSchedule(constantSchedule(), { steps: 4, startFactor: 0.2 });
    [0.2, 0.4, 0.6, 0.8, 1, 1].forEach((want, k) => expect(w.factorAt(k)).toBeCloseTo(want, 12));
    expect(stepSchedule({ stepSize: 3 }).factorAt(2)).toBe(1);
    expect(stepSchedule({ stepSize: 3 }).factorAt(3)).toBeCloseTo(0.1, 12);
  });

  it('rejects bad arguments', () => {
    expect(() => stepSchedule({ stepSize: 0 })).toThrow(/stepSize must be a positive integer, got 0/);
    expect(() => multiStepSchedule({ milestones: [10, 5] })).toThrow(/must increase/);
    expect(() => warmupSchedule(constantSchedule(), { steps: 5, startFactor: 2 })).toThrow(/startFactor must be in \[0, 1\]/);
  });
});

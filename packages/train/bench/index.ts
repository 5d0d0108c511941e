// Training-step benchmarks of @seg/train: one run of a step graph (forward, autodiff backward,
// Adam update) in onnxruntime-node at 1 and 2 threads, next to the same step in PyTorch
// (scripts/reference/train_steps.py through Debian's /usr/bin/python3, when it has torch).
// Usage: tsx bench/index.ts [case ...]   cases: gcn, resnet18_l3, gan_g, gan_d (all by default).
import * as os from 'os';
import { measure, report } from '@seg/bench';
import { referencePythonHas, runReference } from '@seg/bench/node';
import type { TrainingStep } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Tensor } from '@seg/tensor';
import { ganDiscriminatorStep, ganGeneratorStep } from './models/gan';
import { gcnStep } from './models/gcn';
import { resnet18Layer3Step } from './models/resnet18-layer3';

interface Case {
  name: string;
  size: string;
  build(): { step: TrainingStep; batch: Record<string, Tensor> };
  runs: number;
}

const CASES: Case[] = [
  { name: 'gcn', size: 'N=1024, 64 -> 64 -> 2, dense normalised adjacency, Adam', build: () => gcnStep(), runs: 30 },
  { name: 'resnet18_l3', size: 'ResNet-18 stem..layer3 + 1x1 head, BCE, [4,3,256,256], BN train, Adam', build: () => resnet18Layer3Step(), runs: 6 },
  { name: 'gan_g', size: 'residual generator (6 blocks x 64, instance norm) through frozen PatchGAN, [1,3,256,256], Adam', build: () => ganGeneratorStep(), runs: 6 },
  { name: 'gan_d', size: 'PatchGAN 70x70 on real + fake [1,3,256,256], Adam', build: () => ganDiscriminatorStep(), runs: 6 },
];

interface TorchReference { ms_median: number; cpu_ms_median: number; torch: string }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return Math.round((s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) * 1000) / 1000;
}


/** PyTorch's time for the same step (scripts/reference/train_steps.py), or null without torch. */
async function torchReference(name: string, threads: number, runs: number): Promise<TorchReference | null> {
  const rows = await runReference<TorchReference>({ script: 'train_steps.py', modules: 'torch', args: ['--case', name, '--threads', String(threads), '--runs', String(runs)], threads });
  return rows?.[rows.length - 1] ?? null;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !CASES.some((c) => c.name === w));
  if (unknown.length) throw new Error(`unknown benchmark case(s) ${unknown.join(', ')}; cases are ${CASES.map((c) => c.name).join(', ')}`);
  const torch = referencePythonHas('torch');
  for (const c of CASES.filter((k) => !wanted.length || wanted.includes(k.name))) {
    const { step, batch } = c.build();
    const model = step.serialize();
    const feeds: Record<string, Tensor> = { ...batch, [step.spec.step.name]: Tensor.fromArray('int64', [], [0n]) };
    for (const [name, t] of step.initialValues()) feeds[name] = t;
    for (const threads of [1, 2]) {
      const session = await createNodeSession(model, { threads }, c.name);
      // CPU time (all threads of this process) per step as well: wall time suffers from other load.
      const cpu: number[] = [];
      const timed = async (): Promise<void> => {
        const c0 = process.cpuUsage();
        await session.run(feeds);
        const d = process.cpuUsage(c0);
        cpu.push((d.user + d.system) / 1000);
      };
      const r = await measure(`train/step ${c.name}`, c.size, threads, timed, { warmup: 1, runs: c.runs, maxMs: 30000 });
      await session.release();
      const ref = torch ? await torchReference(c.name, threads, c.runs) : null;
      report({
        ...r,
        cpu_ms_median: median(cpu.slice(1)),
        nodes: step.builder.nodes.length,
        // other processes on the machine skew timings; the 1-minute load average says how much
        load_1m: Math.round(os.loadavg()[0] * 100) / 100,
        ...(ref ? { reference: `PyTorch ${ref.torch} CPU (scripts/reference/train_steps.py --case ${c.name})`, reference_ms_median: ref.ms_median, reference_cpu_ms_median: ref.cpu_ms_median } : {}),
      });
    }
  }
}

main().catch((e) => { process.stderr.write(`${(e as Error).stack ?? e}\n`); process.exit(1); });

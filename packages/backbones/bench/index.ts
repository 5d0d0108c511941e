// Benchmarks of @seg/backbones in onnxruntime-node (CPU, parameters baked in as initializers) at 1
// and 2 threads, next to the same networks in PyTorch (scripts/reference/backbones.py: same layers
// and shapes, random weights) when Debian's /usr/bin/python3 has torch. With the zoo weights
// present, the pretrained graphs' taps are also compared with that independent implementation.
// Usage: pnpm bench [filter]   (filter: a substring of the case names, e.g. 'resnet50v2')
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { measure, report } from '@seg/bench';
import { runReference } from '@seg/bench/node';
import { serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Rng, Tensor } from '@seg/tensor';
import { readNpy, repoRoot } from '@seg/tensor/node';
import { buildBackbone, getBackbone, syntheticWeights, WeightSource } from '../src';
import { loadBackboneWeights, referenceDataDir, resolveWeightsDir } from '../src/node';

const PY = '/usr/bin/python3';
const SCRIPT = path.join(repoRoot(), 'scripts', 'reference', 'backbones.py');

interface Case { name: string; size: number; taps?: string[]; label: string }

const CASES: Case[] = [
  { name: 'squeezenet1.1', size: 224, label: 'squeezenet1.1 logits' },
  { name: 'resnet50v2', size: 224, label: 'resnet50v2 layer1-3' },
  { name: 'resnet50v2', size: 512, label: 'resnet50v2 layer1-3' },
  { name: 'mobilenetv2', size: 512, label: 'mobilenetv2 layer1-4' },
  { name: 'filterbank', size: 512, label: 'filterbank 6 scales' },
];

const hasTorch = (): string | null => {
  if (!existsSync(PY)) return null;
  try { return execFileSync(PY, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' }).trim(); } catch { return null; }
};

interface RefTiming { ms_median: number; cpu_ms_median: number }

/** PyTorch medians of one case keyed by `label|size|threads` (run right before ours, so both see the same machine load). */
async function torchTimings(c: Case): Promise<Map<string, RefTiming>> {
  // the script sets torch's threads per row (1 and 2); the BLAS pools may use both
  const rows = await runReference<{ name: string; size: string; threads: number } & RefTiming>({
    script: 'backbones.py', modules: 'torch', args: ['bench', `${c.name}@${c.size}`, '--threads', '1,2'], threads: 2,
  });
  return new Map((rows ?? []).map((r) => [`${r.name}|${r.size}|${r.threads}`, r]));
}

/** max |a - b| / max |b| per tap between our graph and the PyTorch implementation, on the zoo's test input. */
async function checkAgainstTorch(name: string, weights: WeightSource): Promise<Record<string, number> | null> {
  const data = referenceDataDir(name);
  if (!data) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seg-backbones-bench-'));
  try {
    const input = path.join(data, '0', 'input_0.npy');
    execFileSync(PY, [SCRIPT, 'taps', name, resolveWeightsDir(name), input, dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    const taps = Object.keys(getBackbone(name).taps);
    const bb = buildBackbone(name, { weights, taps, normalize: false });
    const out = await (await createNodeSession(serializeModel(bb.builder))).run({ image: await readNpy(input) });
    const errs: Record<string, number> = {};
    for (const t of taps) {
      const ref = (await readNpy(path.join(dir, `${t}.npy`))).data as Float32Array;
      const got = out[t].data as Float32Array;
      let d = 0; let m = 0;
      for (let i = 0; i < ref.length; i++) { d = Math.max(d, Math.abs(got[i] - ref[i])); m = Math.max(m, Math.abs(ref[i])); }
      errs[t] = Number((d / m).toExponential(3));
    }
    return errs;
  } catch (e) {
    process.stderr.write(`check of ${name} against PyTorch failed: ${(e as Error).message.split('\n')[0]}\n`);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return Math.round(((s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2) * 1000) / 1000;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const cases = CASES.filter((c) => !filter || `${c.label} ${c.size}`.includes(filter));
  const torch = hasTorch();
  const checked = new Set<string>();
  for (const c of cases) {
    const spec = getBackbone(c.name);
    // The zoo weights when present (what users run); otherwise synthetic ones of the same shapes.
    let weights: WeightSource | undefined;
    let weightsLabel = 'none';
    if (spec.weightsFolder) {
      try { weights = await loadBackboneWeights(c.name, { taps: c.taps }); weightsLabel = 'zoo'; } catch { weights = syntheticWeights(1); weightsLabel = 'synthetic'; }
    }
    let check: Record<string, number> | null = null;
    if (torch && weights && weightsLabel === 'zoo' && !checked.has(c.name)) {
      checked.add(c.name);
      const all = await loadBackboneWeights(c.name, { taps: Object.keys(spec.taps) });
      check = await checkAgainstTorch(c.name, all);
      if (check) process.stderr.write(`${c.name}: max relative error vs PyTorch per tap ${JSON.stringify(check)}\n`);
    }
    const ref = torch ? await torchTimings(c) : new Map<string, RefTiming>();
    const bb = buildBackbone(c.name, { weights, taps: c.taps, inputSize: c.size });
    const model = serializeModel(bb.builder);
    const x = new Tensor('float32', [1, 3, c.size, c.size]);
    new Rng(1).fillUniform(x.data as Float32Array);
    const size = `${c.size}x${c.size}`;
    for (const threads of [1, 2]) {
      const session = await createNodeSession(model, { threads });
      // CPU time of the process per run (all threads) next to wall time: on a shared, busy machine
      // it says more about the work done than the wall clock does.
      const cpu: number[] = [];
      const r = await measure(c.label, size, threads, async () => {
        const c0 = process.cpuUsage();
        await session.run({ image: x });
        const d = process.cpuUsage(c0);
        cpu.push((d.user + d.system) / 1000);
      }, { warmup: 3, runs: 20 });
      const rm = ref.get(`${c.label}|${size}|${threads}`);
      report({
        ...r, cpu_ms_median: median(cpu.slice(-r.n)), runtime: 'onnxruntime-node cpu', weights: weightsLabel, taps: Object.keys(bb.taps).join(','),
        ...(rm !== undefined ? {
          reference: `pytorch ${torch}`, reference_ms_median: rm.ms_median, reference_cpu_ms_median: rm.cpu_ms_median,
          speedup_vs_reference: Math.round((rm.ms_median / r.ms_median) * 100) / 100,
        } : {}),
        ...(check && threads === 1 ? { pytorch_taps_max_rel_error: check } : {}),
      });
      await session.release();
    }
  }
}

main().catch((e) => { process.stderr.write(`${(e as Error).stack}\n`); process.exit(1); });

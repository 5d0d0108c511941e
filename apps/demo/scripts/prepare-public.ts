/**
 * Fills public/ before `vite` and `vite build`: onnxruntime-web's threaded wasm runtime (loaded at
 * run time from ort/ because the app is built with the `onnxruntime-web-use-extern-wasm`
 * condition) and the synthetic sample images with their true masks (samples/<id>.png, <id>.mask.png).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { createImage } from '@seg/tensor';
import { encodeImage } from '@seg/tensor/node';
import { SAMPLE_IDS, makeSample } from '../src/samples/synthetic';

const ORT_WASM_FILES = ['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm'];

async function main(): Promise<void> {
  const root = path.join(__dirname, '..');
  // the package's exports hide package.json: resolve an entry (dist/ort.wasm.min.js) and take its folder
  const ortDist = path.dirname(require.resolve('onnxruntime-web/wasm', { paths: [root] }));
  await fs.mkdir(path.join(root, 'public', 'ort'), { recursive: true });
  for (const f of ORT_WASM_FILES) await fs.copyFile(path.join(ortDist, f), path.join(root, 'public', 'ort', f));

  const dir = path.join(root, 'public', 'samples');
  await fs.mkdir(dir, { recursive: true });
  const index: { id: string; title: string; width: number; height: number }[] = [];
  for (const id of SAMPLE_IDS) {
    const s = makeSample(id);
    await fs.writeFile(path.join(dir, `${id}.png`), await encodeImage(s.image, 'png'));
    const gray = Uint8Array.from(s.truth, (v) => (v ? 255 : 0));
    await fs.writeFile(path.join(dir, `${id}.mask.png`), await encodeImage(createImage(s.image.width, s.image.height, 1, gray), 'png'));
    index.push({ id, title: s.title, width: s.image.width, height: s.image.height });
  }
  await fs.writeFile(path.join(dir, 'index.json'), JSON.stringify(index, null, 2));
  process.stderr.write(`prepare-public: ${ORT_WASM_FILES.length} onnxruntime-web files and ${index.length} samples in ${path.join(root, 'public')}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`prepare-public: ${e.message}\n`);
  process.exit(1);
});

import { promises as fs } from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '@seg/tensor/node';
import { Checkpoint, decodeCheckpoint, encodeCheckpoint } from '../checkpoint/checkpoint';
import type { Checkpointer } from '../trainer/types';

/** Writes a checkpoint as one safetensors file, atomically (readers never see a partial file). */
export async function saveCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await writeFileAtomic(file, encodeCheckpoint(checkpoint));
}

export async function loadCheckpoint(file: string): Promise<Checkpoint> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw new Error(`cannot read checkpoint '${file}': ${(e as Error).message}`);
  }
  return decodeCheckpoint(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
}

/**
 * Checkpoints in a folder: `latest.safetensors` every `every` steps and at the end of a run,
 * `best.safetensors` whenever the evaluation metric improves.
 */
export function directoryCheckpointer(dir: string, options: { every?: number } = {}): Checkpointer & { latest: string; best: string } {
  const latest = path.join(dir, 'latest.safetensors');
  const best = path.join(dir, 'best.safetensors');
  return {
    every: options.every,
    latest,
    best,
    save: (c, tag) => saveCheckpoint(tag === 'best' ? best : latest, c),
  };
}

import { promises as fs } from 'fs';
import { parseNpy, serializeNpy } from '../npy';
import { Tensor } from '../tensor';
import { writeFileAtomic } from './atomic';

export async function readNpy(path: string): Promise<Tensor> {
  let bytes: Buffer;
  try { bytes = await fs.readFile(path); } catch (e) { throw new Error(`cannot read .npy file ${path}: ${(e as Error).message}`); }
  return parseNpy(bytes, path);
}

export async function writeNpy(path: string, t: Tensor): Promise<void> {
  await writeFileAtomic(path, serializeNpy(t));
}

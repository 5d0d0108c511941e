import type { Click } from '@seg/interactive';
import type { ImageU8 } from '@seg/tensor';

export interface MaskResult {
  /** 1 on the object, width*height. */
  mask: Uint8Array;
  width: number;
  height: number;
  /** Training and prediction time as the segmenter measured it (ms). */
  ms: { train: number; predict: number };
}

export interface ImageReady {
  featureMs: number;
  backbone: string;
  /** Where the features were computed, for the status line. */
  detail: string;
}

/** Where clicks are turned into masks: in this page (onnxruntime-web) or on the server. */
export interface SegEngine {
  readonly kind: 'browser' | 'server';
  /** Computes the image's features; `encoded` is the image file (PNG/JPEG) for engines that upload it. */
  setImage(image: ImageU8, encoded: Blob, progress: (message: string) => void): Promise<ImageReady>;
  /** The mask for these clicks (an empty mask for none). */
  predict(clicks: readonly Click[]): Promise<MaskResult>;
  dispose(): Promise<void>;
}

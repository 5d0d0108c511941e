import { attrNumber, attrString } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { fmtDims, need, one } from './infer';

const mulDim = (d: Dim, k: number): Dim => (typeof d === 'number' ? d * k : `${d}*${k}`);
const divDim = (d: Dim, k: number, what: string): Dim => {
  if (typeof d !== 'number') return `${d}/${k}`;
  if (d % k !== 0) throw new Error(`${what} ${d} is not divisible by ${k}`);
  return d / k;
};

export const depthSpaceSchemas: OpSchema[] = [
  {
    // [N, C, H, W] -> [N, C/b^2, H*b, W*b]
    opType: 'DepthToSpace',
    infer([xv], attrs) {
      const x = need(xv, 'input');
      if (x.rank !== 4) throw new Error(`input must be [N, C, H, W], got ${fmtDims(x.dims)}`);
      const bs = attrNumber(attrs, 'blocksize', NaN);
      const mode = attrString(attrs, 'mode', 'DCR');
      if (mode !== 'DCR' && mode !== 'CRD') throw new Error(`mode '${mode}' is not DCR or CRD`);
      return one(x.dtype, [x.dims[0], divDim(x.dims[1], bs * bs, 'channel count'), mulDim(x.dims[2], bs), mulDim(x.dims[3], bs)]);
    },
  },
  {
    // [N, C, H, W] -> [N, C*b^2, H/b, W/b]
    opType: 'SpaceToDepth',
    infer([xv], attrs) {
      const x = need(xv, 'input');
      if (x.rank !== 4) throw new Error(`input must be [N, C, H, W], got ${fmtDims(x.dims)}`);
      const bs = attrNumber(attrs, 'blocksize', NaN);
      return one(x.dtype, [x.dims[0], mulDim(x.dims[1], bs * bs), divDim(x.dims[2], bs, 'height'), divDim(x.dims[3], bs, 'width')]);
    },
  },
];

/** Pixel shuffle: moves channel blocks into space (DCR order unless mode 'CRD', torch's PixelShuffle). */
export const depthToSpace = (x: Value, blocksize: number, mode: 'DCR' | 'CRD' = 'DCR'): Value =>
  x.builder.node1('DepthToSpace', [x], { blocksize, mode });

/** Inverse pixel shuffle: moves b x b spatial blocks into channels. */
export const spaceToDepth = (x: Value, blocksize: number): Value => x.builder.node1('SpaceToDepth', [x], { blocksize });

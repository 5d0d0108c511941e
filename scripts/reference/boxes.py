#!/usr/bin/python3
"""Reference timings for @seg/sampling with numpy, run by packages/sampling/bench with /usr/bin/python3.

  boxes.py bench   prints JSON lines {name, size, threads, ms_median, ms_p10, ms_p90, n, impl} for
    iou-matrix        2000 x 50 IoU matrix by numpy broadcasting (float32, as torch/mmdetection);
    iou-balanced-neg  384 negatives from the 2000 proposals' max IoUs, IoU-balanced (Libra R-CNN config:
                      floor_thr -1, floor_fraction 0, 3 bins), vectorised numpy with the same semantics
                      as packages/sampling/src/samplers/iou-balanced-neg-sampler.ts.

The scene is the one the TypeScript bench builds (proposals jittered around 50 ground truths), drawn
from numpy's generator, so the two see the same distribution but not the same numbers.
Written for comparison only; it is not part of seg.
"""
import json
import sys

import numpy as np

from timing import quantiles, time_calls


def scene(rng, n=2000, k=50):
    xy = rng.uniform(0, 800, (k, 2))
    wh = rng.uniform(20, 200, (k, 2))
    gts = np.concatenate([xy, xy + wh], 1).astype(np.float32)
    owner = rng.randint(0, k, n)
    c = (gts[owner, :2] + gts[owner, 2:]) / 2 + rng.normal(0, 1, (n, 2)) * (gts[owner, 2:] - gts[owner, :2]) * 0.4
    s = (gts[owner, 2:] - gts[owner, :2]) * np.exp(rng.normal(0, 0.4, (n, 2)))
    props = np.concatenate([c - s / 2, c + s / 2], 1).astype(np.float32)
    return props, gts


def iou_matrix(a, b, eps=1e-6):
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    w = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    h = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    inter = np.maximum(w, 0) * np.maximum(h, 0)
    return inter / np.maximum(area_a[:, None] + area_b[None, :] - inter, eps)


def iou_balanced_neg(rng, max_overlaps, neg, num, floor_thr=-1.0, floor_fraction=0.0, num_bins=3):
    if neg.size <= num:
        return neg
    mo = max_overlaps
    if floor_thr > 0:
        floor = neg[(mo[neg] >= 0) & (mo[neg] < floor_thr)]
        binned = neg[mo[neg] >= floor_thr]
    elif floor_thr == 0:
        floor = neg[mo[neg] == 0]
        binned = neg[mo[neg] > 0]
    else:
        floor = neg[:0]
        binned = neg[mo[neg] > floor_thr]
    n_binned = int(num * (1 - floor_fraction))
    if binned.size > n_binned:
        width = (mo.max() - floor_thr) / num_bins
        per = n_binned // num_bins
        parts = []
        for i in range(num_bins):
            lo, hi = floor_thr + i * width, floor_thr + (i + 1) * width
            b = binned[(mo[binned] >= lo) & (mo[binned] < hi)]
            parts.append(rng.choice(b, per, replace=False) if b.size > per else b)
        sampled = np.concatenate(parts)
        if sampled.size < n_binned:
            rest = np.setdiff1d(binned, sampled, assume_unique=True)
            sampled = np.concatenate([sampled, rng.choice(rest, min(rest.size, n_binned - sampled.size), replace=False)])
    else:
        sampled = binned
    n_floor = num - sampled.size
    floor_s = rng.choice(floor, n_floor, replace=False) if floor.size > n_floor else floor
    out = np.concatenate([floor_s, sampled])
    if out.size < num:
        rest = np.setdiff1d(neg, out, assume_unique=True)
        out = np.concatenate([out, rng.choice(rest, min(rest.size, num - out.size), replace=False)])
    return out


def main(argv):
    if not argv or argv[0] != 'bench':
        print(__doc__, file=sys.stderr)
        return 2
    rng = np.random.RandomState(0)
    props, gts = scene(rng)
    impl = f'numpy {np.__version__}'
    print(json.dumps({'name': 'iou-matrix', 'size': '2000x50', 'threads': 1, **quantiles(time_calls(lambda: iou_matrix(props, gts), 50, 5)[0]), 'impl': impl}))
    mo = iou_matrix(props, gts).max(1)
    mo_all = np.concatenate([np.ones(len(gts), np.float32), mo])  # ground truths added as proposals
    neg = np.nonzero(mo < 0.5)[0] + len(gts)
    print(json.dumps({'name': 'iou-balanced-neg', 'size': f'384 of {neg.size}', 'threads': 1,
                      **quantiles(time_calls(lambda: iou_balanced_neg(rng, mo_all, neg, 384), 50, 5)[0]), 'impl': impl, 'negatives': int(neg.size)}))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

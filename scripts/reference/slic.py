#!/usr/bin/python3
"""scikit-image SLIC as a reference for @seg/superpixels (run with Debian's /usr/bin/python3).

Modes (all print JSON on stdout):
  time  --image IMG.npy --segments 256,1024,4096 [--compactness 10] [--iterations 10] [--runs 7]
        One JSON line per segment count: wall-clock ms of the slic() call alone (median, p10, p90
        over --runs after one warm-up), its process CPU ms (median; less disturbed by other load on
        a shared machine), and the number of segments it returned.
  label --images LIST.txt --segments 256,1024 --out DIR [--compactness 10] [--iterations 10]
        [--scale-segments 1.0]
        LIST.txt has one "<id> <path to HxWx3 uint8 .npy>" per line. Writes DIR/<id>_<K>.npy
        (int32 labels 0..n-1) per image and requested count K, and prints
        {"ms": {K: [ms per image]}, "segments": {K: [count per image]}}. --scale-segments multiplies
        the n_segments passed to slic (to compare at equal returned counts) while keeping K in names.
The parameters map to skimage.segmentation.slic(image, n_segments=K, compactness=m,
max_num_iter=iterations, start_label=0), all else default (sigma=0, enforce_connectivity=True,
min_size_factor=0.5, Lab conversion).
"""
import argparse
import json
import sys
import time

import numpy as np
from skimage.segmentation import slic


def run_slic(image, k, compactness, iterations):
    try:
        return slic(image, n_segments=k, compactness=compactness, max_num_iter=iterations, start_label=0)
    except TypeError:  # scikit-image < 0.19 names it max_iter
        return slic(image, n_segments=k, compactness=compactness, max_iter=iterations, start_label=0)


def quantile(sorted_values, q):
    pos = (len(sorted_values) - 1) * q
    lo, hi = int(np.floor(pos)), int(np.ceil(pos))
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def mode_time(args):
    image = np.load(args.image)
    for k in args.segments:
        run_slic(image, k, args.compactness, args.iterations)  # warm-up
        times = []
        cpu = []
        labels = None
        for _ in range(args.runs):
            c0 = time.process_time()
            t0 = time.perf_counter()
            labels = run_slic(image, k, args.compactness, args.iterations)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        times.sort()
        cpu.sort()
        print(json.dumps({
            'segments_requested': k, 'segments': int(labels.max()) + 1,
            'ms_median': round(quantile(times, 0.5), 3), 'ms_p10': round(quantile(times, 0.1), 3),
            'ms_p90': round(quantile(times, 0.9), 3), 'cpu_ms_median': round(quantile(cpu, 0.5), 3), 'n': len(times),
        }), flush=True)


def mode_label(args):
    import os
    ms = {str(k): [] for k in args.segments}
    counts = {str(k): [] for k in args.segments}
    with open(args.images) as f:
        entries = [line.split(None, 1) for line in f.read().splitlines() if line.strip()]
    for image_id, path in entries:
        image = np.load(path.strip())
        for k in args.segments:
            n = max(1, int(round(k * args.scale_segments)))
            t0 = time.perf_counter()
            labels = run_slic(image, n, args.compactness, args.iterations)
            ms[str(k)].append((time.perf_counter() - t0) * 1000)
            counts[str(k)].append(int(labels.max()) + 1)
            np.save(os.path.join(args.out, f'{image_id}_{k}.npy'), labels.astype(np.int32))
        print(f'{image_id} done', file=sys.stderr, flush=True)
    print(json.dumps({'ms': ms, 'segments': counts}))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('mode', choices=['time', 'label'])
    p.add_argument('--image')
    p.add_argument('--images')
    p.add_argument('--out')
    p.add_argument('--segments', type=lambda s: [int(x) for x in s.split(',')], required=True)
    p.add_argument('--compactness', type=float, default=10.0)
    p.add_argument('--iterations', type=int, default=10)
    p.add_argument('--runs', type=int, default=7)
    p.add_argument('--scale-segments', type=float, default=1.0)
    args = p.parse_args()
    if args.mode == 'time':
        if not args.image:
            p.error('time needs --image')
        mode_time(args)
    else:
        if not args.images or not args.out:
            p.error('label needs --images and --out')
        mode_label(args)


if __name__ == '__main__':
    main()

#!/usr/bin/python3
"""PyTorch references for @seg/backbones, run by packages/backbones/bench with /usr/bin/python3.

  backbones.py bench CASE [CASE ...] --threads 1,2 [--runs 20]
      CASE is name@size: squeezenet1.1@224, resnet50v2@224, resnet50v2@512, mobilenetv2@512,
      filterbank@512. Builds the same network as packages/backbones/src (same layers, shapes and
      FLOPs) with random weights, eval mode under torch.inference_mode(), and prints one JSON line
      {name, size, threads, ms_median, ms_p10, ms_p90, n, cpu_ms_median, impl} per case and thread
      count (cpu_ms_median: process CPU time per run, all threads, robust to a busy machine).
  backbones.py taps NAME WEIGHTS_DIR INPUT.npy OUT_DIR
      Runs NAME with the zoo's .npy weights on an (already normalised) input and writes each tap as
      OUT_DIR/<tap>.npy: an independent implementation to compare the ONNX graphs against.

Written for comparison only; it is not part of seg.
"""
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


class Weights:
    """Zoo weights by name from a folder, or random tensors of the requested shape."""

    def __init__(self, folder=None, seed=0):
        self.folder = folder
        self.gen = torch.Generator().manual_seed(seed)

    def __call__(self, name, shape):
        if self.folder:
            t = torch.from_numpy(np.load(os.path.join(self.folder, name + '.npy')))
            assert tuple(t.shape) == tuple(shape), (name, t.shape, shape)
            return t
        if name.endswith('running_var') or name.endswith('gamma'):
            return torch.rand(shape, generator=self.gen) + 0.5
        if len(shape) == 1:
            return torch.randn(shape, generator=self.gen) * 0.05
        fan_in = int(np.prod(shape[1:]))
        return torch.randn(shape, generator=self.gen) * math.sqrt(2 / fan_in)


# ---- SqueezeNet 1.1 (same layers as packages/backbones/src/nets/squeezenet.ts) ----------------------

FIRES = [(16, 64), (16, 64), (32, 128), (32, 128), (48, 192), (48, 192), (64, 256), (64, 256)]


def squeezenet(w):
    p = {}

    def conv(n, out, cin, k):
        p[n] = (w(f'squeezenet0_conv{n}_weight', (out, cin, k, k)), w(f'squeezenet0_conv{n}_bias', (out,)))
    conv(0, 64, 3, 3)
    c = 64
    for f, (sq, ex) in enumerate(FIRES, 1):
        a = 3 * f - 2
        conv(a, sq, c, 1); conv(a + 1, ex, sq, 1); conv(a + 2, ex, sq, 3)
        c = 2 * ex
    conv(25, 1000, 512, 1)

    def cr(x, n, stride=1, pad=0):
        return F.relu(F.conv2d(x, p[n][0], p[n][1], stride, pad))

    def fire(x, f):
        a = 3 * f - 2
        s = cr(x, a)
        return torch.cat([cr(s, a + 1), cr(s, a + 2, pad=1)], 1)

    def forward(x):
        out = {}
        y = cr(x, 0, 2)
        out['conv0'] = y
        for tap, fires in [('fire2', [1, 2]), ('fire4', [3, 4]), ('fire8', [5, 6, 7, 8])]:
            y = F.max_pool2d(y, 3, 2)
            for f in fires:
                y = fire(y, f)
            out[tap] = y
        out['logits'] = torch.flatten(F.adaptive_avg_pool2d(cr(y, 25), 1), 1)
        return out
    return forward, ['logits']


# ---- ResNet-50 v2 stem + stages 1-3 (packages/backbones/src/nets/resnet50v2.ts) -------------------

def resnet50v2(w):
    P = 'resnetv24_'

    def bn(x, name, c, relu=True):
        y = F.batch_norm(x, w(name + '_running_mean', (c,)), w(name + '_running_var', (c,)),
                         w(name + '_gamma', (c,)), w(name + '_beta', (c,)), False, 0.0, 1e-5)
        return F.relu(y) if relu else y
    # Resolve all weights once so that timing excludes loading.
    cache = {}
    w0 = w

    def w(name, shape):  # noqa: F811 - memoised lookup
        if name not in cache:
            cache[name] = w0(name, shape)
        return cache[name]

    def conv(x, name, cout, cin, k, stride=1, pad=0):
        return F.conv2d(x, w(name + '_weight', (cout, cin, k, k)), None, stride, pad)

    stages = [(64, 256, 3, 1), (128, 512, 4, 2), (256, 1024, 6, 2)]

    def forward(x):
        out = {}
        h = conv(bn(x, P + 'batchnorm0', 3, False), P + 'conv0', 64, 3, 7, 2, 3)
        y = F.max_pool2d(bn(h, P + 'batchnorm1', 64), 3, 2, 1)
        out['stem'] = y
        c = 64
        for s, (mid, cout, blocks, stride) in enumerate(stages, 1):
            p = f'{P}stage{s}_'
            for k in range(blocks):
                i = 3 * k
                c0 = c if k == 0 else cout
                first = 0 if k == 0 else i + 1
                a = bn(y, f'{p}batchnorm{i}', c0)
                t = conv(a, f'{p}conv{first}', mid, c0, 1)
                t = conv(bn(t, f'{p}batchnorm{i + 1}', mid), f'{p}conv{first + 1}', mid, mid, 3, stride if k == 0 else 1, 1)
                t = conv(bn(t, f'{p}batchnorm{i + 2}', mid), f'{p}conv{first + 2}', cout, mid, 1)
                y = t + (conv(a, f'{p}conv3', cout, c0, 1, stride) if k == 0 else y)
            c = cout
            out[f'layer{s}'] = y
        return out
    forward(torch.zeros(1, 3, 32, 32))  # fills the cache
    return forward, ['layer1', 'layer2', 'layer3']


# ---- MobileNetV2 features (packages/backbones/src/nets/mobilenetv2.ts) ------------------------------

BLOCKS = [(5, 7, 9, 96, 2, False, 24, None), (10, 12, 14, 144, 1, True, 24, 'layer1'), (16, 18, 20, 144, 2, False, 32, None),
          (21, 23, 25, 192, 1, True, 32, None), (27, 29, 31, 192, 1, True, 32, 'layer2'), (33, 35, 37, 192, 2, False, 64, None),
          (38, 40, 42, 384, 1, True, 64, None), (44, 46, 48, 384, 1, True, 64, None), (50, 52, 54, 384, 1, True, 64, None),
          (56, 58, 60, 384, 1, False, 96, None), (61, 63, 65, 576, 1, True, 96, None), (67, 69, 71, 576, 1, True, 96, 'layer3'),
          (73, 75, 77, 576, 2, False, 160, None), (78, 80, 82, 960, 1, True, 160, None), (84, 86, 88, 960, 1, True, 160, None),
          (90, 92, 94, 960, 1, False, 320, 'layer4')]


def mobilenetv2(w):
    p = {}

    def conv(n, cout, cin_per_group, k):
        p[n] = (w(f'conv_{n}_weight', (cout, cin_per_group, k, k)), w(f'conv_{n}_bias', (cout,)))
    conv(0, 32, 3, 3); conv(2, 32, 1, 3); conv(4, 16, 32, 1)
    c = 16
    for e, d, q, g, _, _, cout, _ in BLOCKS:
        conv(e, g, c, 1); conv(d, g, 1, 3); conv(q, cout, g, 1)
        c = cout
    conv(95, 1280, 320, 1)

    def cv(x, n, stride=1, groups=1, linear=False):
        wt, b = p[n]
        y = F.conv2d(x, wt, b, stride, 1 if wt.shape[-1] == 3 else 0, 1, groups)
        return y if linear else F.relu6(y)

    def forward(x):
        out = {}
        y = cv(cv(cv(x, 0, 2), 2, groups=32), 4, linear=True)
        out['stem'] = y
        for e, d, q, g, stride, shortcut, _, tap in BLOCKS:
            z = cv(cv(cv(y, e), d, stride, g), q, linear=True)
            y = z + y if shortcut else z
            if tap:
                out[tap] = y
        out['features'] = cv(y, 95)
        return out
    return forward, ['layer1', 'layer2', 'layer3', 'layer4']


# ---- filter bank (packages/backbones/src/filterbank) --------------------------------------------------

def gaussian_kernels(sigma):
    r = max(1, math.ceil(3 * sigma))
    i = np.arange(-r, r + 1, dtype=np.float64)
    g = np.exp(-i * i / (2 * sigma * sigma))
    g0 = g / g.sum()
    g1 = i * g
    g1 /= (i * g1).sum()
    g2 = (i * i / sigma ** 2 - 1) * g
    g2 -= g2.mean()
    g2 /= (i * i / 2 * g2).sum()
    return r, [torch.tensor(k, dtype=torch.float32) for k in (g0, g1, g2)]


def filterbank(scales=(0.7, 1, 1.6, 3.5, 5, 10), channels=3):
    def pad(x, r, h, w):
        return F.pad(x, (r, r, r, r), mode='reflect' if r < h and r < w else 'replicate')

    def eig(a, b, d):
        m = (a + d) * 0.5
        half = (a - d) * 0.5
        root = torch.sqrt(half * half + b * b)
        return m + root, m - root

    # PyTorch's fastest form here (measured): grouped (depthwise) convolutions through mkldnn.
    kern = {}
    for s in scales:
        r, ks = gaussian_kernels(s)
        ro, kso = gaussian_kernels(s / 2)
        k = torch.stack(ks)
        kern[s] = (r, k.view(3, 1, 1, -1).repeat(channels, 1, 1, 1), k.view(3, 1, -1, 1).repeat(3 * channels, 1, 1, 1),
                   ro, kso[0].view(1, 1, 1, -1).repeat(3 * channels, 1, 1, 1), kso[0].view(1, 1, -1, 1).repeat(3 * channels, 1, 1, 1))

    def forward(x):
        n, c, h, w = x.shape
        outs = [x]
        for s in scales:
            r, kx, ky, ro, gx, gy = kern[s]
            p = pad(x, r, h, w)
            hx = F.conv2d(p, kx, groups=c)  # [N, 3C, H+2r, W]: channel 3c + (x order)
            a = F.conv2d(hx, ky, groups=3 * c)  # [N, 9C, H, W]: channel 9c + 3 (x order) + (y order)

            def pick(ox, oy):
                return a[:, 3 * ox + oy::9]
            sm, iy, iyy, ix, ixy, ixx = pick(0, 0), pick(0, 1), pick(0, 2), pick(1, 0), pick(1, 1), pick(2, 0)
            grad = torch.sqrt(ix * ix + iy * iy)
            log = ixx + iyy
            h1, h2 = eig(ixx, ixy, iyy)
            prods = torch.cat([ix * ix, ix * iy, iy * iy], 1)
            t = F.conv2d(F.conv2d(pad(prods, ro, h, w), gx, groups=3 * c), gy, groups=3 * c)
            t1, t2 = eig(t[:, :c], t[:, c:2 * c], t[:, 2 * c:])
            outs.append(torch.cat([sm, grad, log, t1, t2, h1, h2], 1))
        return {'features': torch.cat(outs, 1)}
    return forward, ['features']


BUILDERS = {'squeezenet1.1': squeezenet, 'resnet50v2': resnet50v2, 'mobilenetv2': mobilenetv2}
LABELS = {'squeezenet1.1': 'squeezenet1.1 logits', 'resnet50v2': 'resnet50v2 layer1-3', 'mobilenetv2': 'mobilenetv2 layer1-4',
          'filterbank': 'filterbank 6 scales'}


def build(name, weights):
    if name == 'filterbank':
        return filterbank()
    return BUILDERS[name](weights)


def bench(cases, threads, runs):
    for case in cases:
        name, size = case.split('@')
        size = int(size)
        forward, taps = build(name, Weights(seed=1))
        x = torch.rand(1, 3, size, size)
        for t in threads:
            torch.set_num_threads(t)
            with torch.inference_mode():
                for _ in range(3):
                    forward(x)
                times, cpu = [], []
                start = time.perf_counter()
                for _ in range(runs):
                    c0 = time.process_time()
                    t0 = time.perf_counter()
                    out = forward(x)
                    _ = [out[k] for k in taps]
                    times.append((time.perf_counter() - t0) * 1000)
                    cpu.append((time.process_time() - c0) * 1000)
                    if len(times) >= 3 and time.perf_counter() - start > 10:
                        break
            q = np.quantile(times, [0.5, 0.1, 0.9])
            print(json.dumps({'name': LABELS[name], 'size': f'{size}x{size}', 'threads': t, 'ms_median': round(float(q[0]), 3),
                              'ms_p10': round(float(q[1]), 3), 'ms_p90': round(float(q[2]), 3), 'n': len(times),
                              'cpu_ms_median': round(float(np.median(cpu)), 3), 'impl': f'pytorch {torch.__version__}'}), flush=True)


def taps(name, folder, input_path, out_dir):
    forward, _ = build(name, Weights(folder))
    x = torch.from_numpy(np.load(input_path))
    with torch.inference_mode():
        out = forward(x)
    os.makedirs(out_dir, exist_ok=True)
    for k, v in out.items():
        np.save(os.path.join(out_dir, k + '.npy'), v.numpy().astype(np.float32))
    print(json.dumps({'taps': sorted(out)}))


def main(argv):
    if argv and argv[0] == 'bench':
        args = argv[1:]
        threads, runs = [1, 2], 20
        if '--threads' in args:
            i = args.index('--threads'); threads = [int(t) for t in args[i + 1].split(',')]; del args[i:i + 2]
        if '--runs' in args:
            i = args.index('--runs'); runs = int(args[i + 1]); del args[i:i + 2]
        bench(args, threads, runs)
        return 0
    if argv and argv[0] == 'taps' and len(argv) == 5:
        taps(*argv[1:])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

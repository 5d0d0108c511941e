#!/usr/bin/python3
"""PyTorch training-step timings as a reference for @seg/train's benchmarks (Debian's /usr/bin/python3).

Usage: train_steps.py --case gcn|resnet18_l3|gan_g|gan_d --threads T [--runs N] [--warmup W]
Prints one JSON line: {"case", "threads", "ms_median", "ms_p10", "ms_p90", "n", "cpu_ms_median", "torch"}
(cpu_ms_median: process CPU time of all threads per step, less sensitive to other load than wall time).

Each timed step is what the seg step graph does in one run: forward, loss, backward, optimizer
update (Adam), with torch.set_num_threads(T). Cases mirror packages/train/bench/models:
  gcn          2-layer GCN, N=1024 nodes, 64 features, 64 hidden, 2 classes, dense normalised
               adjacency, softmax cross-entropy on all nodes.
  resnet18_l3  ResNet-18 stem through layer3 (batch norm in training mode) + 1x1 head, BCE on
               logits against a [4,1,16,16] mask, input [4,3,256,256].
  gan_g        generator step: residual generator (7x7 conv 16, two stride-2 convs to 64, six
               residual blocks of 64 channels, two nearest x2 up-sampling + conv stages, 7x7 conv,
               tanh; instance norm) through a frozen PatchGAN discriminator, BCE(D(G(x)), 1).
  gan_d        discriminator step: 70x70 PatchGAN on a real and a fake [1,3,256,256] image,
               0.5 * (BCE(D(real), 1) + BCE(D(fake), 0)).
"""
import argparse
import json
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def basic_block(cin, cout, stride):
    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
            self.bn1 = nn.BatchNorm2d(cout)
            self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
            self.bn2 = nn.BatchNorm2d(cout)
            self.down = None
            if stride != 1 or cin != cout:
                self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

        def forward(self, x):
            y = F.relu(self.bn1(self.conv1(x)))
            y = self.bn2(self.conv2(y))
            return F.relu(y + (self.down(x) if self.down is not None else x))
    return Block()


def resnet18_l3():
    return nn.Sequential(
        nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1),
        basic_block(64, 64, 1), basic_block(64, 64, 1),
        basic_block(64, 128, 2), basic_block(128, 128, 1),
        basic_block(128, 256, 2), basic_block(256, 256, 1),
        nn.Conv2d(256, 1, 1),
    )


def conv_in_relu(cin, cout, k, stride=1):
    # no conv bias before a norm (it would be cancelled), as seg's convNormAct
    return [nn.Conv2d(cin, cout, k, stride, k // 2, bias=False), nn.InstanceNorm2d(cout, affine=True), nn.ReLU()]


class ResBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.body = nn.Sequential(*conv_in_relu(c, c, 3), nn.Conv2d(c, c, 3, 1, 1, bias=False), nn.InstanceNorm2d(c, affine=True))

    def forward(self, x):
        return x + self.body(x)


def generator():
    layers = conv_in_relu(3, 16, 7) + conv_in_relu(16, 32, 3, 2) + conv_in_relu(32, 64, 3, 2)
    layers += [ResBlock(64) for _ in range(6)]
    layers += [nn.Upsample(scale_factor=2, mode='nearest')] + conv_in_relu(64, 32, 3)
    layers += [nn.Upsample(scale_factor=2, mode='nearest')] + conv_in_relu(32, 16, 3)
    layers += [nn.Conv2d(16, 3, 7, 1, 3), nn.Tanh()]
    return nn.Sequential(*layers)


def discriminator():
    def block(cin, cout, stride, norm):
        return [nn.Conv2d(cin, cout, 4, stride, 1, bias=not norm)] + ([nn.InstanceNorm2d(cout, affine=True)] if norm else []) + [nn.LeakyReLU(0.2)]
    return nn.Sequential(*block(3, 64, 2, False), *block(64, 128, 2, True), *block(128, 256, 2, True), *block(256, 512, 1, True),
                         nn.Conv2d(512, 1, 4, 1, 1))


def make_case(name):
    g = torch.Generator().manual_seed(0)
    if name == 'gcn':
        n, f, h, c = 1024, 64, 64, 2
        a = (torch.rand(n, n, generator=g) < 0.01).float()
        a = ((a + a.t()) > 0).float() + torch.eye(n)
        d = a.sum(1).rsqrt()
        adj = d[:, None] * a * d[None, :]
        x = torch.randn(n, f, generator=g)
        y = torch.randint(0, c, (n,), generator=g)
        w1 = nn.Parameter(torch.randn(f, h) * 0.1); b1 = nn.Parameter(torch.zeros(h))
        w2 = nn.Parameter(torch.randn(h, c) * 0.1); b2 = nn.Parameter(torch.zeros(c))
        opt = torch.optim.Adam([w1, b1, w2, b2], lr=0.01)

        def step():
            opt.zero_grad()
            hid = F.relu(adj @ (x @ w1) + b1)
            loss = F.cross_entropy(adj @ (hid @ w2) + b2, y)
            loss.backward()
            opt.step()
        return step
    if name == 'resnet18_l3':
        net = resnet18_l3().train()
        x = torch.randn(4, 3, 256, 256, generator=g)
        t = (torch.rand(4, 1, 16, 16, generator=g) > 0.5).float()
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)

        def step():
            opt.zero_grad()
            F.binary_cross_entropy_with_logits(net(x), t).backward()
            opt.step()
        return step
    gen, disc = generator(), discriminator()
    x = torch.randn(1, 3, 256, 256, generator=g)
    if name == 'gan_g':
        for p in disc.parameters():
            p.requires_grad_(False)
        opt = torch.optim.Adam(gen.parameters(), lr=2e-4, betas=(0.5, 0.999))

        def step():
            opt.zero_grad()
            out = disc(gen(x))
            F.binary_cross_entropy_with_logits(out, torch.ones_like(out)).backward()
            opt.step()
        return step
    if name == 'gan_d':
        fake = torch.tanh(torch.randn(1, 3, 256, 256, generator=g))
        opt = torch.optim.Adam(disc.parameters(), lr=2e-4, betas=(0.5, 0.999))

        def step():
            opt.zero_grad()
            r, f = disc(x), disc(fake)
            loss = 0.5 * (F.binary_cross_entropy_with_logits(r, torch.ones_like(r)) + F.binary_cross_entropy_with_logits(f, torch.zeros_like(f)))
            loss.backward()
            opt.step()
        return step
    raise SystemExit(f'unknown case {name}')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--case', required=True)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--runs', type=int, default=10)
    ap.add_argument('--warmup', type=int, default=2)
    ap.add_argument('--max-ms', type=float, default=20000)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    step = make_case(args.case)
    for _ in range(args.warmup):
        step()
    times = []
    cpu = []
    start = time.perf_counter()
    for _ in range(args.runs):
        t0 = time.perf_counter()
        c0 = time.process_time()
        step()
        cpu.append((time.process_time() - c0) * 1000)
        times.append((time.perf_counter() - t0) * 1000)
        if len(times) >= 3 and (time.perf_counter() - start) * 1000 > args.max_ms:
            break
    q = np.quantile(times, [0.5, 0.1, 0.9])
    print(json.dumps({'case': args.case, 'threads': args.threads, 'ms_median': round(float(q[0]), 3), 'ms_p10': round(float(q[1]), 3),
                      'ms_p90': round(float(q[2]), 3), 'n': len(times), 'cpu_ms_median': round(float(np.median(cpu)), 3),
                      'torch': torch.__version__}))


if __name__ == '__main__':
    main()

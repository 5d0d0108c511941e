#!/usr/bin/env python3
"""PyTorch reference timing of a GCN forward pass for @seg/graph's benchmarks (/usr/bin/python3).

Reads features (.npy float32 [N, C]), the normalised adjacency in COO form (indices .npy int64 [2, E],
values .npy float32 [E]) and layer widths; times H_{l+1} = act(A H_l W_l + b_l) (ReLU between layers)
with torch.sparse.mm and with a dense A, on one thread, no autograd. Prints one JSON document.
"""
import argparse
import json

import numpy as np
import torch

from timing import time_calls


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--features', required=True)
    p.add_argument('--indices', required=True)
    p.add_argument('--values', required=True)
    p.add_argument('--layers', default='64,64,2')
    p.add_argument('--runs', type=int, default=30)
    a = p.parse_args()
    torch.set_num_threads(1)
    x = torch.from_numpy(np.load(a.features))
    n, c = x.shape
    adj = torch.sparse_coo_tensor(torch.from_numpy(np.load(a.indices)), torch.from_numpy(np.load(a.values)), (n, n)).coalesce()
    dense = adj.to_dense()
    widths = [c] + [int(w) for w in a.layers.split(',')]
    g = torch.Generator().manual_seed(0)
    params = [(torch.rand(widths[i], widths[i + 1], generator=g) - 0.5, torch.zeros(widths[i + 1])) for i in range(len(widths) - 1)]

    def forward(mm, a_):
        h = x
        for i, (w, b) in enumerate(params):
            h = mm(a_, h @ w) + b
            if i < len(params) - 1:
                h = torch.relu(h)
        return h

    with torch.no_grad():
        out = {'torch_version': torch.__version__, 'vertices': n, 'entries': int(adj._nnz())}
        out['torch_sparse_ms'] = float(np.median(time_calls(lambda: forward(torch.sparse.mm, adj), a.runs, 3)[0]))
        out['torch_dense_ms'] = float(np.median(time_calls(lambda: forward(torch.mm, dense), a.runs, 3)[0]))
    print(json.dumps(out))


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Reference timings for @seg/graph's benchmarks (run with Debian's /usr/bin/python3).

Reads a label map (.npy, int32 [H, W]) and a feature map (.npy, float32 [C, H, W]) and times:
- skimage_rag: scikit-image's region adjacency graph RAG(labels, connectivity) (structure only);
- skimage_rag_mean_color: skimage's rag_mean_color on the first 3 channels (it only handles 3-channel
  images; weights exp(-d^2/sigma) in 'similarity' mode, per-pixel Python loop);
- numpy: a vectorised NumPy/SciPy version of the full @seg/graph pipeline on all C channels (mean
  features by bincount, unique edges of the forward neighbours, Euclidean distances, sigma = factor x
  median, w = exp(-d^2/sigma^2), then D^-1/2 (A + I) D^-1/2 as a scipy.sparse matrix).
Prints one JSON document with median milliseconds and the edge counts each found.
"""
import argparse
import json

import numpy as np
import scipy.sparse as sp

from timing import time_calls


def median_ms(fn, runs):
    times, out = time_calls(fn, runs)
    return float(np.median(times)), out


def numpy_edges(labels, connectivity):
    """Unique undirected label pairs (u < v) over right, down (and both lower diagonals for 8)."""
    h, w = labels.shape
    n = int(labels.max()) + 1
    pairs = [(labels[:, :-1], labels[:, 1:]), (labels[:-1, :], labels[1:, :])]
    if connectivity == 8:
        pairs += [(labels[:-1, :-1], labels[1:, 1:]), (labels[:-1, 1:], labels[1:, :-1])]
    keys = []
    for a, b in pairs:
        a = a.ravel().astype(np.int64)
        b = b.ravel().astype(np.int64)
        m = a != b
        u = np.minimum(a[m], b[m])
        v = np.maximum(a[m], b[m])
        keys.append(u * n + v)
    keys = np.unique(np.concatenate(keys))
    return keys // n, keys % n


def numpy_graph(labels, features, connectivity, factor):
    c = features.shape[0]
    n = int(labels.max()) + 1
    flat = labels.ravel()
    area = np.bincount(flat, minlength=n).astype(np.float64)
    means = np.stack([np.bincount(flat, weights=features[k].ravel(), minlength=n) for k in range(c)], axis=1) / area[:, None]
    src, dst = numpy_edges(labels, connectivity)
    d = np.linalg.norm(means[src] - means[dst], axis=1)
    sigma = factor * np.median(d)
    wgt = np.exp(-(d ** 2) / sigma ** 2)
    return n, src, dst, wgt, sigma


def normalized_adjacency(n, src, dst, wgt):
    a = sp.coo_matrix((np.concatenate([wgt, wgt]), (np.concatenate([src, dst]), np.concatenate([dst, src]))), shape=(n, n)).tocsr()
    a = a + sp.identity(n, format='csr')
    deg = np.asarray(a.sum(axis=1)).ravel()
    s = sp.diags(1 / np.sqrt(deg))
    return (s @ a @ s).tocoo()


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--labels', required=True)
    p.add_argument('--features', required=True)
    p.add_argument('--connectivity', type=int, default=8)
    p.add_argument('--factor', type=float, default=0.5)
    p.add_argument('--runs', type=int, default=5)
    p.add_argument('--slow-runs', type=int, default=1, help='runs of the per-pixel Python loops of skimage')
    a = p.parse_args()
    labels = np.load(a.labels).astype(np.int64)
    features = np.load(a.features).astype(np.float32)
    out = {'height': labels.shape[0], 'width': labels.shape[1], 'channels': features.shape[0], 'connectivity': a.connectivity}

    import skimage
    try:
        from skimage import graph as skgraph
        skgraph.RAG
    except (ImportError, AttributeError):
        from skimage.future import graph as skgraph  # scikit-image < 0.20
    out['skimage_version'] = skimage.__version__
    conn = 1 if a.connectivity == 4 else 2
    ms, rag = median_ms(lambda: skgraph.RAG(labels, connectivity=conn), a.slow_runs)
    out['skimage_rag'] = {'ms_median': ms, 'vertices': rag.number_of_nodes(), 'edges': rag.number_of_edges()}
    image = np.ascontiguousarray(np.moveaxis(features[:3], 0, -1)).astype(np.float64)
    ms, rag = median_ms(lambda: skgraph.rag_mean_color(image, labels, connectivity=conn, mode='similarity'), a.slow_runs)
    out['skimage_rag_mean_color'] = {'ms_median': ms, 'vertices': rag.number_of_nodes(), 'edges': rag.number_of_edges(), 'channels': 3}

    ms, (n, src, dst, wgt, sigma) = median_ms(lambda: numpy_graph(labels, features, a.connectivity, a.factor), a.runs)
    out['numpy_graph'] = {'ms_median': ms, 'vertices': n, 'edges': int(len(src)), 'sigma': float(sigma)}
    ms, adj = median_ms(lambda: normalized_adjacency(n, src, dst, wgt), a.runs)
    out['scipy_normalized_adjacency'] = {'ms_median': ms, 'entries': int(adj.nnz)}
    print(json.dumps(out))


if __name__ == '__main__':
    main()

#!/usr/bin/python3
"""Reference numbers for @seg/polar, run with Debian's /usr/bin/python3 (numpy, OpenCV).

  polar.py davis <annotations dir> [--rays 18,36,72]
      PolarMask's target encoding (its reference code's get_36_coordinates behaviour: OpenCV's largest
      contour, truncated area centroid, farthest contour point per integer degree within +-3 degrees
      of each ray, neighbour interpolation) decoded along the target's own ray directions and drawn
      with cv2.drawContours(FILLED); prints one JSON document with the per-mask IoU for each ray count.
  polar.py fixtures
      Prints the small OpenCV fixtures that packages/polar tests compare against (contours of random
      blobs, filled integer polygons, PolarMask encodings of random blobs).
  polar.py bench [--size 512] [--rays 36]
      Times mask -> contour -> rays (cv2.findContours + numpy ray binning) and rays -> mask
      (cv2.fillPoly) on a synthetic blob; prints JSON lines like @seg/bench.

Written for comparison only; it is not part of seg.
"""
import glob
import json
import math
import os
import sys

import cv2
import numpy as np

from timing import quantiles, time_calls


def largest_contour(mask):
    contours, _ = cv2.findContours(mask, cv2.RETR_TREE, cv2.CHAIN_APPROX_NONE)
    contours = sorted(contours, key=cv2.contourArea, reverse=True)
    return contours[0][:, 0, :] if contours else None


def area_centroid(points):
    area = x = y = 0.0
    for i in range(len(points)):
        px, py = float(points[i][0]), float(points[i][1])
        qx, qy = float(points[i - 1][0]), float(points[i - 1][1])
        f = (px * qy - py * qx) / 2.0
        area += f
        x += f * (px + qx) / 3.0
        y += f * (py + qy) / 3.0
    if area == 0:
        m = points.mean(axis=0)
        return int(m[0]), int(m[1])
    return int(x / area), int(y / area)


def polarmask_rays(points, cx, cy, n):
    step = 360 // n
    best = {}
    for px, py in points:
        px, py = int(px), int(py)
        a = -int(math.atan2(cy - py, cx - px) * 180 / math.pi)
        if a < 0:
            a += 360
        d = (px - cx) ** 2 + (py - cy) ** 2
        if a not in best or d > best[a][2]:
            best[a] = (px, py, d)
    chosen = {}
    for a in range(0, 360, step):
        for b in (a, a + 1, a - 1, a + 2, a - 2, a + 3, a - 3):
            if b in best:
                chosen[a] = best[b][:2]
                break
    for a in range(0, 360, step):
        if a not in chosen:
            if (a - step) in chosen and (a + step) in chosen:
                (x1, y1), (x2, y2) = chosen[a - step], chosen[a + step]
                chosen[a] = ((x1 + x2) / 2, (y1 + y2) / 2)
            else:
                chosen[a] = (cx, cy)
    dist = [math.sqrt((cx - chosen[a][0]) ** 2 + (cy - chosen[a][1]) ** 2) for a in range(0, 360, step)]
    return np.array([d if d > 0 else 1e-6 for d in dist], dtype=np.float32)


def polarmask_reconstruct(mask, n):
    points = largest_contour(mask)
    if points is None:
        return None
    cx, cy = area_centroid(points)
    d = polarmask_rays(points, cx, cy, n)
    ang = np.arange(0, 360, 360 // n) / 180 * np.pi
    xs = cx - d * np.cos(ang)
    ys = cy + d * np.sin(ang)
    pts = np.stack([xs, ys], -1).astype(np.int32)[:, None, :]
    out = np.zeros_like(mask)
    cv2.drawContours(out, [pts], -1, 1, -1)
    return out


def davis(root, rays):
    files = sorted(glob.glob(os.path.join(root, '*', '*.png')))
    result = {'files': [os.path.relpath(f, root) for f in files], 'iou': {}}
    masks = [(cv2.imread(f, cv2.IMREAD_GRAYSCALE) >= 128).astype(np.uint8) for f in files]
    for n in rays:
        ious = []
        for m in masks:
            r = polarmask_reconstruct(m, n)
            inter = np.logical_and(r > 0, m > 0).sum()
            union = np.logical_or(r > 0, m > 0).sum()
            ious.append(float(inter / union) if union else 1.0)
        result['iou'][str(n)] = ious
    print(json.dumps(result))


def blob(size):
    # The same synthetic shape as packages/polar/bench: a wobbly disc with a notch.
    y, x = np.mgrid[0:size, 0:size].astype(np.float64)
    c = size / 2
    t = np.arctan2(y - c, x - c)
    r = size * (0.3 + 0.06 * np.sin(5 * t) + 0.03 * np.cos(11 * t))
    m = (np.hypot(x - c, y - c) < r).astype(np.uint8)
    m[int(c - size * 0.05):int(c + size * 0.05), int(c):] = 0
    return m


def bench(size, n):
    m = blob(size)

    def encode():
        contours, _ = cv2.findContours(m, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
        pts = max(contours, key=cv2.contourArea)[:, 0, :].astype(np.float64)
        mom = cv2.moments(m, binaryImage=True)
        cx, cy = mom['m10'] / mom['m00'], mom['m01'] / mom['m00']
        dx, dy = pts[:, 0] - cx, pts[:, 1] - cy
        k = np.round(np.arctan2(dy, dx) / (2 * np.pi / n)).astype(np.int64) % n
        d = np.zeros(n)
        np.maximum.at(d, k, np.hypot(dx, dy))
        return cx, cy, d

    cx, cy, d = encode()
    ang = np.arange(n) * 2 * np.pi / n
    out = np.zeros((size, size), np.uint8)

    def decode():
        out[:] = 0
        pts = np.stack([cx + d * np.cos(ang), cy + d * np.sin(ang)], -1).astype(np.int32)
        cv2.fillPoly(out, [pts], 1)
        return out

    for name, fn in (('mask->rays', encode), ('rays->mask', decode)):
        print(json.dumps({'name': name, 'size': f'{size}x{size} {n} rays', 'threads': 1, **quantiles(time_calls(fn, 30, 3)[0], 3),
                          'impl': f'opencv {cv2.__version__} findContours+numpy rays / fillPoly'}))


def fixture_blob(h, w, k, seed):
    r = np.random.RandomState(seed)
    m = np.zeros((h, w), np.uint8)
    yy, xx = np.mgrid[0:h, 0:w]
    for _ in range(k):
        cy, cx = r.randint(0, h), r.randint(0, w)
        ry, rx = r.randint(1, h // 3 + 1), r.randint(1, w // 3 + 1)
        m[((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2 <= 1] = 1
    m[r.rand(h, w) < 0.08] ^= 1
    return m


def fixtures():
    rows = lambda m: [''.join(str(int(v)) for v in row) for row in m]
    out = {'opencv': cv2.__version__, 'contours': [], 'fills': [], 'polarmask': []}
    for seed in range(4):
        m = fixture_blob(12, 14, 3, seed)
        cs, _ = cv2.findContours(m, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
        out['contours'].append({'rows': rows(m), 'contours': [c[:, 0, :].reshape(-1).tolist() for c in cs]})
    for seed in range(4):
        r = np.random.RandomState(100 + seed)
        n = r.randint(3, 8)
        pts = np.stack([r.uniform(-4, 20, n), r.uniform(-4, 20, n)], -1)
        img = np.zeros((16, 16), np.uint8)
        cv2.drawContours(img, [pts.astype(np.int32)[:, None, :]], -1, 1, -1)
        out['fills'].append({'poly': pts.reshape(-1).tolist(), 'rows': rows(img)})
    for seed in range(3):
        m = fixture_blob(40, 48, 4, 200 + seed)
        pts = largest_contour(m)
        cx, cy = area_centroid(pts)
        out['polarmask'].append({'rows': rows(m), 'centre': [cx, cy], 'native': [float(v) for v in polarmask_rays(pts, cx, cy, 36)],
                                 'recon': rows(polarmask_reconstruct(m, 36))})
    print(json.dumps(out))


def main(argv):
    cv2.setNumThreads(1)
    opts = {argv[i][2:]: argv[i + 1] for i in range(1, len(argv) - 1) if argv[i].startswith('--')}
    if len(argv) >= 2 and argv[0] == 'davis':
        davis(argv[1], [int(r) for r in opts.get('rays', '18,36,72').split(',')])
    elif argv and argv[0] == 'fixtures':
        fixtures()
    elif argv and argv[0] == 'bench':
        bench(int(opts.get('size', 512)), int(opts.get('rays', 36)))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

"""Reference timings for @seg/weak's benchmarks: scikit-image's rgb2hed (colour deconvolution)
and threshold_otsu on the same image, one thread. Prints one JSON object."""
import argparse, json, os, time
os.environ.setdefault('OMP_NUM_THREADS', '1')
import numpy as np
import skimage
from skimage.color import rgb2hed
from skimage.filters import threshold_otsu


def median_ms(fn, runs=10):
    fn()
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter(); fn(); ts.append((time.perf_counter() - t0) * 1000)
    return float(np.median(ts))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--image', required=True, help='.npy uint8 [H, W, 3]')
    a = ap.parse_args()
    rgb = np.load(a.image)
    hed = rgb2hed(rgb)
    h = hed[..., 0].astype(np.float32)
    print(json.dumps({
        'skimage_version': skimage.__version__,
        'rgb2hed_ms': median_ms(lambda: rgb2hed(rgb)),
        'threshold_otsu_ms': median_ms(lambda: threshold_otsu(h)),
        'otsu_threshold': float(threshold_otsu(h)),
    }))


if __name__ == '__main__':
    main()

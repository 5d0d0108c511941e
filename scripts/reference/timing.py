"""Wall-clock timing shared by the reference scripts (imported from the scripts' own folder)."""
import time

import numpy as np


def time_calls(fn, runs, warmup=0):
    """Calls fn `warmup` times untimed, then `runs` times; returns (milliseconds per call, last result)."""
    for _ in range(warmup):
        fn()
    times = []
    out = None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times, out


def quantiles(times, digits=4):
    """The JSON fields seg's benchmarks print: median, p10, p90 (ms) and the number of runs."""
    q = lambda p: round(float(np.quantile(times, p)), digits)
    return {'ms_median': q(0.5), 'ms_p10': q(0.1), 'ms_p90': q(0.9), 'n': len(times)}

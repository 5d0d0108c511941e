import { measure } from './measure';

describe('measure', () => {
  it('reports ordered quantiles over the runs it made', async () => {
    let calls = 0;
    const r = await measure('noop', '1', 1, () => { calls++; }, { warmup: 1, runs: 9 });
    expect(calls).toBe(10);
    expect(r.n).toBe(9);
    expect(r.ms_p10).toBeLessThanOrEqual(r.ms_median);
    expect(r.ms_median).toBeLessThanOrEqual(r.ms_p90);
    expect(Object.keys(r)).toEqual(['name', 'size', 'threads', 'ms_median', 'ms_p10', 'ms_p90', 'n']);
  });
});

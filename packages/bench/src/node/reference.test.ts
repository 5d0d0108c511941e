import { referencePythonHas, runReference, withReference } from './reference';

describe('reference timings', () => {
  it('puts a reference beside a result, with the speed-up', () => {
    const r = { name: 'x', size: '1', threads: 1, ms_median: 2, ms_p10: 1, ms_p90: 3, n: 5 };
    expect(withReference(r, undefined)).toBe(r);
    expect(withReference(r, { name: 'x', impl: 'numpy', ms_median: 5, ms_p10: 4, ms_p90: 6 })).toEqual({
      ...r, reference: 'numpy', reference_ms_median: 5, reference_ms_p10: 4, reference_ms_p90: 6, speedup: 2.5,
    });
  });

  it('skips a reference whose python module is missing, and says why a failing script gave none', async () => {
    expect(referencePythonHas('no_such_module_for_seg')).toBe(false);
    expect(await runReference({ script: 'boxes.py', modules: 'no_such_module_for_seg' })).toBeNull();
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runReference({ script: 'no-such-script.py', modules: 'json' })).toBeNull();
      expect(String(err.mock.calls[0][0])).toMatch(/no-such-script\.py failed, no reference: .*No such file/);
    } finally {
      err.mockRestore();
    }
  });
});

import { parseRatioCsv, parseRatioJson, parseRatioTable } from './ratio-table';
import { seededSplit } from '../data/split';

describe('ratio tables', () => {
  it("reads MoNuSeg's index.csv layout (quoted fields with commas, extra columns)", () => {
    const csv = [
      'image,mask_binary,mask_instance,original_split,gt_source,n_nuclei,nuclei_area_fraction',
      'images/a.jpg,masks_binary/a.png,masks_instance/a.png,MoNuSeg 2018 Training,"binary, IoU 0.99",398,0.12312',
      'images/b.jpg,masks_binary/b.png,,MoNuSeg 2018 Test,rasterized,440,0.30761',
    ].join('\n');
    expect(parseRatioCsv(csv)).toEqual([
      { image: 'images/a.jpg', ratio: 0.12312, mask: 'masks_binary/a.png' },
      { image: 'images/b.jpg', ratio: 0.30761, mask: 'masks_binary/b.png' },
    ]);
  });

  it('reads an error margin column and JSON arrays or maps', () => {
    expect(parseRatioCsv('image,ratio,error\nx.png,0.2,0.03\ny.png,0.4,\n')).toEqual([{ image: 'x.png', ratio: 0.2, error: 0.03 }, { image: 'y.png', ratio: 0.4 }]);
    expect(parseRatioJson('[{"image": "x.png", "ratio": 0.25, "error": 0.01, "mask": "m.png"}]')).toEqual([{ image: 'x.png', ratio: 0.25, error: 0.01, mask: 'm.png' }]);
    expect(parseRatioJson('{"x.png": 0.1, "y.png": {"ratio": 0.5, "error": 0.1}}')).toEqual([{ image: 'x.png', ratio: 0.1 }, { image: 'y.png', ratio: 0.5, error: 0.1 }]);
    expect(parseRatioTable('{"x.png": 0.1}', 'r.json')).toHaveLength(1);
    expect(parseRatioTable('image,ratio\nx.png,0.1', 'r.csv')).toHaveLength(1);
  });

  it('names the row and the problem for a missing or out-of-range ratio', () => {
    expect(() => parseRatioCsv('image,ratio\na.png,0.2\nb.png,\n', 'ratios.csv')).toThrow("ratios.csv row 3 (b.png): missing area ratio in column 'ratio'");
    expect(() => parseRatioCsv('image,ratio\na.png,1.5\n', 'ratios.csv')).toThrow('ratios.csv row 2 (a.png): area ratio 1.5 is outside [0, 1]');
    expect(() => parseRatioCsv('image,ratio\na.png,-0.1\n', 'ratios.csv')).toThrow(/area ratio -0.1 is outside \[0, 1\]/);
    expect(() => parseRatioCsv('image,ratio\na.png,abc\n', 'ratios.csv')).toThrow("ratios.csv row 2 (a.png): area ratio 'abc' is not a number");
    expect(() => parseRatioCsv('image,size\na.png,3\n', 'ratios.csv')).toThrow(/ratios.csv: no area ratio column; expected one of ratio, area_ratio/);
    expect(() => parseRatioJson('[{"image": "a.png"}]', 'r.json')).toThrow(/r.json item 0 \(a.png\): missing area ratio; expected a column 'ratio'/);
    expect(() => parseRatioJson('{"a.png": 2}', 'r.json')).toThrow(/area ratio 2 is outside \[0, 1\]/);
    expect(() => parseRatioCsv('image,ratio,error\na.png,0.2,0.9\n')).toThrow(/error margin '0.9' must be a number in \[0, 0.5\]/);
    expect(() => parseRatioCsv('image,ratio\na.png,0.2\na.png,0.3\n')).toThrow(/image 'a.png' is listed twice/);
    expect(() => parseRatioCsv('ratio\n0.2\n', 'r.csv')).toThrow(/r.csv row 2: missing image path/);
    expect(() => parseRatioJson('[1', 'r.json')).toThrow(/r.json: not valid JSON/);
    expect(() => parseRatioCsv('image,ratio\n', 'r.csv')).toThrow(/r.csv: no images listed/);
  });
});

describe('seeded split', () => {
  it('is a partition, deterministic in the seed, with the requested size', () => {
    const a = seededSplit(32, 24, 0);
    expect(a.train).toHaveLength(24);
    expect(a.test).toHaveLength(8);
    expect([...a.train, ...a.test].sort((x, y) => x - y)).toEqual(Array.from({ length: 32 }, (_, i) => i));
    expect(seededSplit(32, 24, 0)).toEqual(a);
    expect(seededSplit(32, 24, 1)).not.toEqual(a);
    expect(seededSplit(10, 0.7, 3).train).toHaveLength(7);
    expect(() => seededSplit(4, 5, 0)).toThrow(/cannot train on 5 of 4/);
    expect(() => seededSplit(4, 1.5, 0)).toThrow(/count >= 1 or a fraction/);
  });
});

import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildRegionGraph, degrees, regionFeatureMap, voronoiLabelMap } from '@seg/graph';
import { Tensor } from '@seg/tensor';
import { writeNpy } from '@seg/tensor/node';

const bin = path.join(__dirname, '..', '..', 'bin', 'seg.js');

describe('seg graph', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seg-cli-graph-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints vertex/edge counts, degree stats and sigma of a label map as one JSON document', async () => {
    const map = voronoiLabelMap(40, 60, 30, 2);
    const features = regionFeatureMap(map, 4, 3, 0.1);
    const labelsPath = path.join(dir, 'labels.npy');
    const featuresPath = path.join(dir, 'features.npy');
    await writeNpy(labelsPath, new Tensor('int32', [40, 60], map.labels));
    await writeNpy(featuresPath, features);
    const out = execFileSync(process.execPath, [bin, 'graph', labelsPath, '--features', featuresPath, '--connectivity', '4', '--sigma-factor', '0.25', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const r = JSON.parse(out);
    // The CLI renumbers labels in order of first appearance: compare quantities that do not
    // depend on the numbering.
    const g = buildRegionGraph(map, features, { connectivity: 4, standardize: 'graph', sigma: { factor: 0.25 } });
    expect([r.vertices, r.edges, r.height, r.width, r.connectivity]).toEqual([g.numVertices, g.src.length, 40, 60, 4]);
    const deg = [...degrees(g)];
    expect(r.degree.max).toBe(Math.max(...deg));
    expect(r.degree.min).toBe(Math.min(...deg));
    expect(r.sigma).toBeCloseTo(g.sigma, 3);
    expect(r.sigma_rule).toBe('0.25 x median edge distance');
    expect(r.features.channels).toBe(4);
    expect(r.normalized_adjacency_entries).toBe(2 * g.src.length + g.numVertices);
  });

  it('fails with exit code 2 and a one-line reason on bad options', () => {
    const r = spawnSync(process.execPath, [bin, 'graph', '--connectivity', '6'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--connectivity must be 4 or 8, got '6'/);
  });
});

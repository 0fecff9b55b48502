import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { type GrowNode, TreeGrower } from './grower';
import { HIST_STRIDE, HistogramBuilder } from './histogram';
import type { SplitContext } from './splitting';

// Histograms without row counts (SplitContext.rowHessianBound): the split finder bounds counts from the hessians and
// counts a feature from the node's rows only when an undecided count could change the split. The trees must be the
// ones the counted histograms give, node for node.

const nRows = 3000;
const nFeatures = 11; // kernels of eight, two and one features
const maxBins = 40;
const missingBin = maxBins;

function data(seed: number) {
  const rng = new Rng(seed);
  const binned = new Uint8Array(nFeatures * nRows);
  const nBinsNonMissing = new Int32Array(nFeatures);
  for (let f = 0; f < nFeatures; f++) {
    // Feature 3 has 3 values, feature 7 is categorical; features 2 and 9 have missing values.
    const values = f === 3 ? 3 : f === 7 ? 6 : maxBins;
    nBinsNonMissing[f] = values;
    for (let i = 0; i < nRows; i++) {
      const missing = (f === 2 || f === 9) && rng.nextFloat() < 0.1;
      binned[f * nRows + i] = missing ? missingBin : rng.nextInt(values);
    }
  }
  // Log-loss gradients at raw predictions far from 0 for many rows: hessians p(1 − p) from 0.25 down to ~1e-6, so
  // least counts (4·H) fall far below the true counts and many bins are undecided.
  const gh = new Float32Array(2 * nRows);
  for (let i = 0; i < nRows; i++) {
    const signal =
      binned[i] / maxBins - binned[5 * nRows + i] / maxBins + (binned[7 * nRows + i] === 2 ? 1 : 0);
    const raw = 14 * (rng.nextFloat() - 0.5) + 3 * signal;
    const p = 1 / (1 + Math.exp(-raw));
    const y = rng.nextFloat() < 1 / (1 + Math.exp(-4 * signal)) ? 1 : 0;
    gh[2 * i] = p - y;
    gh[2 * i + 1] = p * (1 - p);
  }
  const hasMissing = Uint8Array.from({ length: nFeatures }, (_, f) => (f === 2 || f === 9 ? 1 : 0));
  const isCategorical = Uint8Array.from({ length: nFeatures }, (_, f) => (f === 7 ? 1 : 0));
  return { binned, nBinsNonMissing, gh, hasMissing, isCategorical };
}

function grow(seed: number, minSamplesLeaf: number, rowHessianBound: number) {
  const { binned, nBinsNonMissing, gh, hasMissing, isCategorical } = data(seed);
  const ctx: SplitContext = {
    nFeatures,
    nBins: maxBins + 1,
    missingBin,
    nBinsNonMissing,
    hasMissing,
    isCategorical,
    l2Regularization: 0,
    minSamplesLeaf,
    minHessianToSplit: 1e-3,
    rowHessianBound,
  };
  const grower = new TreeGrower(binned, nRows, ctx, {
    maxLeafNodes: 63,
    maxDepth: null,
    minSamplesLeaf,
    shrinkage: 0.1,
  });
  return grower.grow(gh, false);
}

/** Every node in preorder, as the numbers that define the tree. */
function describeTree(root: GrowNode): number[][] {
  const out: number[][] = [];
  const visit = (node: GrowNode) => {
    const s = node.split;
    const left = s.isCategorical ? Array.from(s.leftBins) : [];
    out.push(
      node.isLeaf
        ? [node.start, node.end, node.value]
        : [
            node.start,
            node.end,
            s.feature,
            s.bin,
            s.missingGoesLeft ? 1 : 0,
            s.gain,
            s.nLeft,
            s.nRight,
            ...left,
          ],
    );
    if (!node.isLeaf) {
      visit(node.left!);
      visit(node.right!);
    }
  };
  visit(root);
  return out;
}

function allNodes(root: GrowNode): GrowNode[] {
  const out = [root];
  for (let k = 0; k < out.length; k++) if (!out[k].isLeaf) out.push(out[k].left!, out[k].right!);
  return out;
}

describe('histograms without row counts', () => {
  it('grow the same trees as counted histograms, for small and large minSamplesLeaf', () => {
    // Nodes with a large hessian sum go without counts, the others with (see TreeGrower's #countsRows): both kinds
    // must have been split here for the comparison to mean something.
    let uncountedSplits = 0;
    let countedSplits = 0;
    for (const seed of [1, 2, 3]) {
      for (const minSamplesLeaf of [1, 20, 150]) {
        const counted = describeTree(grow(seed, minSamplesLeaf, 0));
        const root = grow(seed, minSamplesLeaf, 0.25);
        expect(counted.length).toBeGreaterThan(20);
        expect(describeTree(root)).toEqual(counted);
        for (const node of allNodes(root)) {
          if (node.isLeaf || node.depth === 0) continue;
          if (node.counted) countedSplits++;
          else uncountedSplits++;
        }
      }
    }
    expect(uncountedSplits).toBeGreaterThan(50);
    expect(countedSplits).toBeGreaterThan(50);
  });

  it('a wrong bound would change the trees: the counts do decide splits here', () => {
    // Pretending hessians reach only 1/400 of their real size makes every least count 100× too large, so bins with
    // too few rows pass as valid: the splits differ from the counted ones.
    const counted = describeTree(grow(1, 150, 0));
    const wrong = describeTree(grow(1, 150, 0.0025));
    expect(wrong).not.toEqual(counted);
  });

  it('sum the same gradients and hessians as the counted kernels and leave the count slots at 0', () => {
    const { binned, nBinsNonMissing, gh } = data(4);
    const rows = Int32Array.from({ length: nRows }, (_, i) => i).filter((i) => i % 3 !== 0);
    const ordered = new Float32Array(2 * rows.length);
    rows.forEach((r, k) => {
      ordered[2 * k] = gh[2 * r];
      ordered[2 * k + 1] = gh[2 * r + 1];
    });
    const builder = new HistogramBuilder(binned, nRows, nBinsNonMissing, maxBins + 1, missingBin);
    // Unreachable slots (bins past a feature's values) keep what they held: 7 here.
    const a = new Float64Array(builder.size).fill(7);
    const b = new Float64Array(builder.size).fill(7);
    builder.build(rows, ordered, 0, rows.length, false, a);
    builder.build(rows, ordered, 0, rows.length, false, b, false);
    let countedRows = 0;
    let reachable = 0;
    for (let k = 0; k < a.length; k += HIST_STRIDE) {
      expect(b[k]).toBe(a[k]);
      expect(b[k + 1]).toBe(a[k + 1]);
      if (a[k + 2] === 7 && a[k] === 7) continue;
      reachable++;
      countedRows += a[k + 2];
      expect(b[k + 2]).toBe(0);
    }
    // Every feature's values and its missing bin: features 3 and 7 have 3 and 6 values.
    expect(reachable).toBe(nFeatures * (maxBins + 1) - (maxBins - 3) - (maxBins - 6));
    expect(countedRows).toBe(rows.length * nFeatures);
  });
});

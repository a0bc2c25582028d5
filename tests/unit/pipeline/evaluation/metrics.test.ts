import { describe, expect, it } from "vitest";
import { baseRateEntropy, logLoss, precisionRecall, rankingAuc, rankScores, reliabilityCurve, rocAuc, rocCurve, subRanking } from "@/lib/pipeline/evaluation/metrics";
import { argsortFloat64 } from "@/lib/pipeline/evaluation/radix-sort";
import { createRng } from "@/lib/pipeline/random";
import { summarize } from "@/lib/pipeline/evaluation/evaluate";

describe("metrics", () => {
  it("AUC counts ties as half and matches the pairwise definition", () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75);
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNaN();
  });

  it("average precision is 1 for a perfect ranking", () => {
    expect(precisionRecall([0, 1, 0, 1], [0.1, 0.9, 0.2, 0.8], 10).ap).toBeCloseTo(1);
  });

  it("NE of the constant base-rate predictor is 1 and calibration is 1", () => {
    const y = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0];
    const p = y.map(() => 0.2);
    const m = summarize(y, p, 0.5);
    expect(m.ne).toBeCloseTo(1, 6);
    expect(m.calibration).toBeCloseTo(1, 6);
    expect(logLoss(y, p)).toBeCloseTo(baseRateEntropy(0.2), 9);
  });

  it("halving predictions keeps AUC but worsens NE and calibration (He et al.)", () => {
    const y = [1, 0, 1, 0, 0, 1, 0, 0];
    const p = [0.7, 0.2, 0.6, 0.3, 0.1, 0.8, 0.4, 0.2];
    const a = summarize(y, p, 0.5);
    const b = summarize(y, p.map((v) => v / 2), 0.5);
    expect(b.auc).toBe(a.auc);
    expect(b.ne).toBeGreaterThan(a.ne);
    expect(b.calibration).toBeCloseTo(a.calibration / 2, 9);
  });

  it("reliability bins hold mean prediction and observed rate", () => {
    const bins = reliabilityCurve([1, 0, 1, 1], [0.05, 0.05, 0.95, 0.95], 10);
    expect(bins[0]).toMatchObject({ count: 2, observedRate: 0.5 });
    expect(bins[9]).toMatchObject({ count: 2, observedRate: 1 });
  });
});

describe("ranking (one sort shared by the metrics)", () => {
  const rng = createRng(11);
  const n = 3000;
  // scores with many exact ties (float32 grid) plus -0/+0
  const p = Float32Array.from({ length: n }, () => Math.round(rng() * 200) / 200);
  p[0] = -0;
  p[1] = 0;
  const y = Uint8Array.from({ length: n }, (_, i) => (rng() < 0.2 + 0.5 * p[i]! ? 1 : 0));

  /** The pairwise definition: P(score of a positive > score of a negative) + ½ P(tie). */
  function pairwiseAuc(ys: ArrayLike<number>, ps: ArrayLike<number>) {
    let u = 0;
    let pairs = 0;
    for (let i = 0; i < ys.length; i++) {
      if (ys[i] !== 1) continue;
      for (let j = 0; j < ys.length; j++) {
        if (ys[j] === 1) continue;
        pairs++;
        u += ps[i]! > ps[j]! ? 1 : ps[i] === ps[j] ? 0.5 : 0;
      }
    }
    return u / pairs;
  }

  it("the radix argsort orders like TypedArray#sort (-0 before +0, NaN last) and is stable", () => {
    const values = Float64Array.from({ length: 2000 }, (_, i) => [0, -0, NaN, Infinity, -Infinity, 1, -1, 5e-324, 0.25, 0.25][i % 10]!);
    const order = argsortFloat64(values);
    const sorted = values.slice().sort();
    order.forEach((i, k) => expect(Object.is(values[i], sorted[k])).toBe(true));
    for (let k = 1; k < order.length; k++) if (Object.is(values[order[k]!], values[order[k - 1]!])) expect(order[k]!).toBeGreaterThan(order[k - 1]!);
    const big = Float64Array.from({ length: 5000 }, () => rng() - 0.5);
    const o2 = argsortFloat64(big);
    for (let k = 1; k < o2.length; k++) expect(big[o2[k]!]!).toBeGreaterThanOrEqual(big[o2[k - 1]!]!);
  });

  it("float32 values (model scores) take the 16-bit path with the same order as the float64 one", () => {
    const specials = [0, -0, NaN, Infinity, -Infinity, 1, -1, 1e-45, -1e-45, 0.25, 0.25, Math.fround(0.1)];
    const values = Float64Array.from({ length: 3000 }, (_, i) => (i % 3 ? specials[i % specials.length]! : Math.fround(rng() - 0.5)));
    const order = argsortFloat64(values);
    const sorted = values.slice().sort();
    order.forEach((i, k) => expect(Object.is(values[i], sorted[k])).toBe(true));
    for (let k = 1; k < order.length; k++) if (Object.is(values[order[k]!], values[order[k - 1]!])) expect(order[k]!).toBeGreaterThan(order[k - 1]!);
    // one value that needs float64 sends the whole vector down the float64 path: same order
    const wide = values.slice();
    wide[7] = 0.1;
    const sortedWide = wide.slice().sort();
    argsortFloat64(wide).forEach((i, k) => expect(Object.is(wide[i], sortedWide[k])).toBe(true));
  });

  it("AUC from the ranking matches the pairwise definition, also on a filtered sub-ranking", () => {
    const r = rankScores(y, p);
    expect(rankingAuc(r)).toBeCloseTo(pairwiseAuc(y, p), 12);
    const keep = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const idx = [...keep.keys()].filter((i) => keep[i]);
    const sub = subRanking(r, keep);
    expect(rankingAuc(sub)).toBeCloseTo(pairwiseAuc(idx.map((i) => y[i]!), idx.map((i) => p[i]!)), 12);
    expect(rankingAuc(sub)).toBe(rocAuc(idx.map((i) => y[i]!), idx.map((i) => p[i]!)));
  });

  it("average precision and the ROC curve follow their step-wise definitions", () => {
    // AP = mean over positives of precision at their rank, ties sharing one cut
    const order = [...p.keys()].sort((a, b) => p[b]! - p[a]!);
    let tp = 0;
    let fp = 0;
    let ap = 0;
    for (let k = 0; k < n; ) {
      let e = k;
      let pos = 0;
      while (e < n && p[order[e]!] === p[order[k]!]) pos += y[order[e++]!]!;
      tp += pos;
      fp += e - k - pos;
      ap += (pos / y.reduce((s, v) => s + v, 0)) * (tp / (tp + fp));
      k = e;
    }
    expect(precisionRecall(y, p, 10).ap).toBeCloseTo(ap, 12);
    const roc = rocCurve(y, p, 11);
    expect(roc[0]).toEqual({ x: 1, y: 1, threshold: -Infinity });
    expect(roc.at(-1)).toEqual({ x: 0, y: 0, threshold: Infinity });
    for (const pt of roc.slice(1, -1)) {
      const neg = [...y.keys()].filter((i) => y[i] !== 1);
      const pos = [...y.keys()].filter((i) => y[i] === 1);
      expect(pt.x).toBeCloseTo(neg.filter((i) => p[i]! >= pt.threshold).length / neg.length, 12);
      expect(pt.y).toBeCloseTo(pos.filter((i) => p[i]! >= pt.threshold).length / pos.length, 12);
    }
  });
});

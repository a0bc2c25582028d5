/** Feature standardisation with statistics from the training rows only (no test-set peeking). */
export function fitStandardizer(x: Float32Array, dim: number, rows: number): { mean: Float32Array; std: Float32Array } {
  const mean = new Float64Array(dim);
  const sq = new Float64Array(dim);
  for (let i = 0; i < rows; i++) {
    const o = i * dim;
    for (let j = 0; j < dim; j++) {
      const v = x[o + j]!;
      mean[j]! += v;
      sq[j]! += v * v;
    }
  }
  const m = new Float32Array(dim);
  const s = new Float32Array(dim);
  for (let j = 0; j < dim; j++) {
    const mu = rows > 0 ? mean[j]! / rows : 0;
    const variance = rows > 0 ? sq[j]! / rows - mu * mu : 0;
    m[j] = mu;
    s[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
  }
  return { mean: m, std: s };
}

export function applyStandardizer(x: Float32Array, dim: number, mean: Float32Array, std: Float32Array): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i += dim) {
    for (let j = 0; j < dim; j++) out[i + j] = (x[i + j]! - mean[j]!) / std[j]!;
  }
  return out;
}

// Seeded randomness so samples, splits and forests are the same on every rerun.

/** mulberry32: small, fast, good enough for sampling; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded permutation of 0..n-1 (Fisher–Yates). */
export function shuffledIndices(n: number, seed: number): Uint32Array {
  const rand = mulberry32(seed);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

/** `size` distinct indices out of 0..n-1, seeded, in increasing order. */
export function sampleIndices(n: number, size: number, seed: number): Uint32Array {
  if (size >= n) return shuffledIndices(n, seed).sort();
  const rand = mulberry32(seed);
  const pool = new Map<number, number>();
  const out = new Uint32Array(size);
  // partial Fisher–Yates over a virtual array, so memory is O(size) not O(n)
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rand() * (n - i));
    out[i] = pool.get(j) ?? j;
    pool.set(j, pool.get(i) ?? i);
  }
  return out.sort();
}

// The split search of one level of a tree (forest-grow.ts) over pre-binned features (forest-bins.ts):
// per feature, one pass over the level's rows fills a histogram (weight and weight × y per node and bin),
// then each node's bins are scanned left to right for the split of largest variance reduction.

/** The open nodes of one level (by slot) and the best split found so far for each. */
export class LevelSplits {
  readonly feature: Int32Array;
  /** The split sends bins ≤ bin left; nextBin is the node's first non-empty bin to the right. */
  readonly bin: Int32Array;
  readonly nextBin: Int32Array;
  readonly leftW: Float64Array;
  readonly leftS: Float64Array;
  private readonly score: Float64Array;

  constructor(
    readonly w: Float64Array,
    readonly s: Float64Array,
  ) {
    const m = w.length;
    // a split must beat the parent's Σ²/W by more than rounding noise
    this.score = Float64Array.from(w, (wk, k) => ((s[k]! * s[k]!) / wk) * (1 + 1e-12) + 1e-12);
    this.feature = new Int32Array(m).fill(-1);
    this.bin = new Int32Array(m);
    this.nextBin = new Int32Array(m);
    this.leftW = new Float64Array(m);
    this.leftS = new Float64Array(m);
  }

  /**
   * Scans node k's histogram of feature f (bins at histW/histS[base … base + nBins)). Candidates are the
   * boundaries after each non-empty bin; the first of equal scores wins, so features and bins in order.
   */
  scanNode(k: number, f: number, histW: Float64Array, histS: Float64Array, base: number, nBins: number, minLeaf: number): void {
    const w = this.w[k]!,
      s = this.s[k]!;
    let wl = 0,
      sl = 0,
      best = this.score[k]!,
      found = -1;
    for (let b = 0; b < nBins - 1; b++) {
      const wb = histW[base + b]!;
      if (wb === 0) continue;
      wl += wb;
      sl += histS[base + b]!;
      if (wl < minLeaf) continue;
      const wr = w - wl;
      if (wr <= 0 || wr < minLeaf) break;
      const sr = s - sl;
      const candidate = (sl * sl) / wl + (sr * sr) / wr;
      if (candidate > best) {
        best = candidate;
        found = b;
        this.feature[k] = f;
        this.bin[k] = b;
        this.leftW[k] = wl;
        this.leftS[k] = sl;
      }
    }
    this.score[k] = best;
    if (found < 0) return;
    let next = found + 1;
    while (histW[base + next] === 0) next++;
    this.nextBin[k] = next;
  }
}

/**
 * A level's histograms, node after node (a node's block holds every feature's bins), and the previous
 * level's, which the larger child of a split is derived from. Reused across levels and trees.
 */
export class HistogramBuffers {
  w = new Float64Array(0);
  s = new Float64Array(0);
  private prevW = new Float64Array(0);
  private prevS = new Float64Array(0);

  /** Starts the next level: the current histograms become the previous; blocks to be filled are zeroed. */
  next(stride: number, filled: Uint8Array): void {
    [this.prevW, this.prevS, this.w, this.s] = [this.w, this.s, this.prevW, this.prevS];
    const size = filled.length * stride;
    if (this.w.length < size) {
      this.w = new Float64Array(Math.max(size, 2 * this.w.length));
      this.s = new Float64Array(this.w.length);
    }
    for (let slot = 0; slot < filled.length; slot++) {
      if (filled[slot] === 0) continue;
      this.w.fill(0, slot * stride, (slot + 1) * stride);
      this.s.fill(0, slot * stride, (slot + 1) * stride);
    }
  }

  /** Adds row id (its codes at id · nf + f) to the node block at base. */
  add(base: number, id: number, codes: Uint16Array, nf: number, width: number, weight: number, weightedY: number): void {
    for (let f = 0; f < nf; f++) {
      const j = base + f * width + codes[id * nf + f]!;
      this.w[j]! += weight;
      this.s[j]! += weightedY;
    }
  }

  /** The block at base becomes the previous level's block at parent minus this level's block at sibling. */
  subtract(base: number, parent: number, sibling: number, stride: number): void {
    for (let j = 0; j < stride; j++) {
      this.w[base + j] = this.prevW[parent + j]! - this.w[sibling + j]!;
      this.s[base + j] = this.prevS[parent + j]! - this.s[sibling + j]!;
    }
  }
}

// The growable flat arrays a tree (forest-grow.ts) is built in, node by node, level by level.
import type { Tree } from './forest-types';

/** Growable flat arrays of nodes; a node is a leaf until split. */
export class TreeBuilder {
  weight: number[] = [];
  sum: number[] = [];
  feature: number[] = [];
  threshold: number[] = [];
  private left: number[] = [];
  private right: number[] = [];

  add(weight: number, sum: number): number {
    this.weight.push(weight);
    this.sum.push(sum);
    this.feature.push(-1);
    this.threshold.push(0);
    this.left.push(-1);
    this.right.push(-1);
    return this.weight.length - 1;
  }

  split(node: number, feature: number, threshold: number, left: number, right: number): void {
    this.feature[node] = feature;
    this.threshold[node] = threshold;
    this.left[node] = left;
    this.right[node] = right;
  }

  build(): Tree {
    return {
      feature: Int32Array.from(this.feature),
      threshold: Float64Array.from(this.threshold),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.weight, (w, node) => this.sum[node]! / w),
    };
  }
}

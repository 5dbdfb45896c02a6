// Deterministic hashing and pseudo-random numbers: same seed, same sequence, on every machine.
import { mulberry32 } from '../../activities/processing/random';

/** 32-bit FNV-1a hash of the parts, joined with a separator that cannot appear in a keyword. */
export function hashSeed(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32 floats in [0, 1): the same generator processing samples with. */
export const createRng = mulberry32;

/** Standard normal draw (Box-Muller). */
export function normal(rng: () => number): number {
  const u = 1 - rng(); // (0, 1]: log(0) would be -Infinity
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

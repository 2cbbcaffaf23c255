/**
 * Seeded pseudo-random numbers for the quiz: the daily set (seeded by the day, so everyone gets the
 * same questions), competition draws and option shuffles (seeded by participant and round, so a
 * round's order is stable when it is rebuilt from the store), and the demo data.
 *
 * Not cryptographic: the seeds are server-side, the point is reproducibility.
 */

/** A 32-bit hash of a string (FNV-1a followed by a murmur3 finaliser for better avalanche). */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** A pseudo-random source: `next()` in [0, 1). */
export interface Rng {
  next(): number
  /** An integer in [0, n). */
  int(n: number): number
}

/** mulberry32 seeded by a number or by the hash of a string. */
export function createRng(seed: number | string): Rng {
  let a = (typeof seed === 'string' ? hashString(seed) : seed) >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (n: number) => Math.floor(next() * n) }
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const t = out[i]
    out[i] = out[j]
    out[j] = t
  }
  return out
}

/** A random permutation of 0..n-1. */
export function permutation(n: number, rng: Rng): number[] {
  return shuffled(Array.from({ length: n }, (_, i) => i), rng)
}

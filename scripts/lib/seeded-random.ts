/**
 * A repeatable pseudo-random source for benchmarks (xorshift32): the same seed gives the
 * same data on every run and every database, so figures can be compared.
 */
export function seededRandom(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}

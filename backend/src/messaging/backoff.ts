/**
 * Delay before reconnect or probe number `n` (0, 1, 2 …): doubling from `firstMs` up to `capMs`,
 * then between half and all of it at random, so many processes do not return in step. Never more
 * than `capMs`: recovery after the dependency is back takes at most that long.
 */
export function backoffMs(n: number, firstMs = 500, capMs = 5000, random = Math.random): number {
  const full = Math.min(firstMs * 2 ** Math.min(n, 20), capMs);
  return Math.round(full / 2 + (random() * full) / 2);
}

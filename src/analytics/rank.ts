// How answers are ranked: by a loss, share or impact to 12 decimals, then by id. Sums of the same
// shares taken in a different order differ in the last bits (the database and the in-memory
// snapshot read edges in different orders), and such ties must fall back to id order, the same
// on every path.

export function rankKey(x: number): number {
  return Math.round(x * 1e12);
}

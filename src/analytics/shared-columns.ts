// Typed columns in shared memory that can grow: the engine's arrays live in SharedArrayBuffers so
// the worker threads that run long solves read the very same bytes as the main thread (one copy,
// not one per worker). Growing allocates a larger buffer and copies; whoever holds the old view
// keeps a consistent (older) picture until it is handed the new one.

export type ColumnArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Float64Array;

type ColumnCtor<T extends ColumnArray> = {
  new (buffer: SharedArrayBuffer): T;
  readonly BYTES_PER_ELEMENT: number;
};

/** A typed array of `length` elements in shared memory, filled with `fill`. */
export function sharedArray<T extends ColumnArray>(ctor: ColumnCtor<T>, length: number, fill = 0): T {
  const array = new ctor(new SharedArrayBuffer(Math.max(1, length) * ctor.BYTES_PER_ELEMENT));
  if (fill !== 0) array.fill(fill as never);
  return array;
}

/** A copy of `array` with room for `length` elements; the new slots hold `fill`. */
export function grown<T extends ColumnArray>(array: T, length: number, fill = 0): T {
  const ctor = array.constructor as ColumnCtor<T>;
  const next = sharedArray(ctor, length, fill);
  next.set(array as never);
  return next;
}

/** The capacity to grow to so that `needed` fits, doubling so appends cost O(1) amortised. */
export function capacityFor(current: number, needed: number): number {
  let c = Math.max(16, current);
  while (c < needed) c *= 2;
  return c;
}

// The engine's readers–writer lock: solves in flight read the engine's arrays (in worker threads,
// over shared memory), a delta changes them in place. A delta waits for the solves in flight and
// holds new ones off until it is applied (writers first, so a stream of solves cannot starve the
// change feed); then every solve that waited starts on the new version.

import type { EngineLock } from './snapshot-cache.js';

export class ReadWriteLock implements EngineLock {
  private readers = 0;
  private writing = false;
  private readonly writers: (() => void)[] = [];
  private readonly waitingReaders: (() => void)[] = [];
  /** Deltas applied, and how many of them had to wait for readers (tests, /metrics). */
  readonly counters = { exclusive: 0, waited: 0 };

  get activeReaders(): number {
    return this.readers;
  }

  get pendingWriters(): number {
    return this.writers.length + (this.writing ? 1 : 0);
  }

  /** A read share now, or null when a change is applied or waiting (then use shared()). */
  tryShared(): (() => void) | null {
    if (this.writing || this.writers.length > 0) return null;
    this.readers += 1;
    return this.releaser();
  }

  /** A read share, once no change is applied or waiting; call the function it gives to let go. */
  shared(): Promise<() => void> {
    const now = this.tryShared();
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      this.waitingReaders.push(() => {
        this.readers += 1;
        resolve(this.releaser());
      });
    });
  }

  async exclusive<T>(change: () => T): Promise<T> {
    this.counters.exclusive += 1;
    if (this.writing || this.readers > 0 || this.writers.length > 0) {
      this.counters.waited += 1;
      // next() hands over with `writing` already set, so no reader slips in before the change runs.
      await new Promise<void>((resolve) => this.writers.push(resolve));
    } else this.writing = true;
    try {
      return change();
    } finally {
      this.writing = false;
      this.next();
    }
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.readers -= 1;
      this.next();
    };
  }

  private next(): void {
    if (this.writing || this.readers > 0) return;
    const writer = this.writers.shift();
    if (writer) {
      this.writing = true;
      writer();
      return;
    }
    for (const reader of this.waitingReaders.splice(0)) reader();
  }
}

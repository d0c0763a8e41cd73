// Progress for long work: a redrawn bar on a terminal, a line every few seconds otherwise
// (CI logs, pipes), always on stderr so stdout stays clean for data.

export interface ProgressReporter {
  update(label: string, done: number, total: number): void;
  done(message?: string): void;
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const tty = stream.isTTY === true;
  let lastLine = 0;
  let drawn = false;
  return {
    update(label, done, total) {
      const now = Date.now();
      if (tty) {
        if (now - lastLine < 80) return;
        lastLine = now;
        const width = 30;
        const ratio = total > 0 ? Math.min(1, done / total) : 0;
        const bar = total > 0 ? `[${'#'.repeat(Math.round(ratio * width)).padEnd(width, '.')}] ${(ratio * 100).toFixed(0).padStart(3)}%` : '';
        stream.write(`\r\x1b[2K${label} ${bar} ${done.toLocaleString('en')}${total > 0 ? `/${total.toLocaleString('en')}` : ''}`);
        drawn = true;
      } else if (now - lastLine > 3000) {
        lastLine = now;
        stream.write(`${label}: ${done.toLocaleString('en')}${total > 0 ? ` of ${total.toLocaleString('en')}` : ''}\n`);
      }
    },
    done(message) {
      if (tty && drawn) stream.write('\r\x1b[2K');
      drawn = false;
      if (message) stream.write(`${message}\n`);
    },
  };
}

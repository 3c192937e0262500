/** Progress on stderr, so stdout keeps only the results table: one updating line on a terminal, sparse lines in CI logs. */
export interface Progress {
  step(label: string, done: number, total: number): void;
  note(message: string): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let lastLine = "";
  let lastPrintedAt = 0;
  let open = false;
  const end = () => {
    if (open && tty) stream.write("\n");
    open = false;
  };
  return {
    step: (label, done, total) => {
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      const line = `  ${label}: ${done.toLocaleString("en-GB")}/${total.toLocaleString("en-GB")} (${pct}%)`;
      if (line === lastLine) return;
      lastLine = line;
      const now = Date.now();
      const finished = done >= total;
      if (tty) {
        stream.write(`\r${line}\x1b[K`);
        open = true;
        if (finished) end();
      } else if (finished || now - lastPrintedAt >= 2000) {
        lastPrintedAt = now;
        stream.write(`${line}\n`);
      }
    },
    note: (message) => {
      end();
      stream.write(`${message}\n`);
    },
  };
}

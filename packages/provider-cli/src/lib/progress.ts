/**
 * Progress of a wait on stderr: one line per step with the elapsed time
 * (`[1.2s] in block 0xab…`). On a terminal the current step is redrawn with a ticking clock.
 */
export interface Progress {
  step(text: string): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, enabled = true): Progress {
  const started = Date.now();
  const elapsed = () => `[${((Date.now() - started) / 1000).toFixed(1)}s]`;
  const tty = stream.isTTY === true;
  let current: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const redraw = () => {
    if (current !== undefined) stream.write(`\r\x1b[2K${elapsed()} ${current}`);
  };
  return {
    step(text) {
      if (!enabled) return;
      if (tty) {
        if (current !== undefined) stream.write('\n');
        current = text;
        redraw();
        timer ??= setInterval(redraw, 200);
        timer.unref();
      } else {
        stream.write(`${elapsed()} ${text}\n`);
      }
    },
    done() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (tty && current !== undefined) stream.write('\n');
      current = undefined;
    },
  };
}

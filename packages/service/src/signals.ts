/**
 * Stopping a service on SIGINT/SIGTERM: the first signal stops it gracefully, a second one while
 * that runs forces the exit (exit code 130 / 143, as a shell reports a killed process).
 */

export type StopSignal = 'SIGINT' | 'SIGTERM';

export interface UntilSignalOptions {
  /** Says what happens, e.g. `dinfra-ogate: SIGTERM, stopping`. @default writes to stderr */
  readonly say?: (line: string) => void;
  /** Name in the lines written. */
  readonly service: string;
  /** Exit used on the second signal. @default process.exit */
  readonly exit?: (code: number) => void;
  /** What the graceful stop leaves running, appended to the first line. */
  readonly note?: string;
}

const FORCED: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Resolves, once a signal came and `stop` finished, with the exit code: 0 when `stop` resolved,
 * 1 when it threw. A second signal during the stop exits at once.
 */
export function untilSignal(stop: (signal: StopSignal) => Promise<void>, o: UntilSignalOptions): Promise<number> {
  const say = o.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const exit = o.exit ?? ((code: number) => process.exit(code));
  return new Promise((resolve) => {
    let stopping = false;
    const on = (signal: StopSignal) => {
      if (stopping) {
        say(`${o.service}: ${signal} again, exiting without waiting`);
        exit(FORCED[signal]);
        return;
      }
      stopping = true;
      say(`${o.service}: ${signal}, stopping${o.note ? ` (${o.note})` : ''}`);
      stop(signal).then(
        () => done(0),
        (err: unknown) => {
          say(`${o.service}: stop failed: ${(err as Error)?.message ?? String(err)}`);
          done(1);
        },
      );
    };
    const onInt = () => on('SIGINT');
    const onTerm = () => on('SIGTERM');
    const done = (code: number) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code);
    };
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

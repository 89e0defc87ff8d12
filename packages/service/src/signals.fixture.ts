// A service for signals.test.ts: its stop takes argv[2] milliseconds.
import { untilSignal } from './signals.ts';

const stopMs = Number(process.argv[2]);
const alive = setInterval(() => undefined, 60_000); // a service's server keeps it alive
const stopped = untilSignal(
  () => new Promise<void>((resolve) => setTimeout(() => {
    process.stderr.write('stopped\n');
    resolve();
  }, stopMs)),
  { service: 'svc' },
);
process.stdout.write('up\n'); // after the handlers are in place
const code = await stopped;
clearInterval(alive);
process.exit(code);

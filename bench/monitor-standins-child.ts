// Child process of bench/monitor.ts: K stand-in JSON-RPC endpoints (heads every 6 s), apart from
// the monitor so that the monitor's CPU is measured alone. Prints one JSON line with the URLs.
import { StandInNode } from '@dinfra/monitor/testing';

const k = Number(process.argv[2] ?? 20);
const nodes = await Promise.all(Array.from({ length: k }, () => StandInNode.start({ blockTimeMs: 6000 })));
process.stdout.write(`${JSON.stringify(nodes.map((n) => n.url))}\n`);
process.on('SIGTERM', () => process.exit(0));

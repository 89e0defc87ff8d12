import { Command } from 'commander';

const DEFAULT_URL = 'http://127.0.0.1:9720';

async function api(url: string, path: string, init?: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(new URL(path, url), init);
  } catch (e) {
    throw new Error(`cannot reach the monitor at ${url}: ${(e as Error).cause ? String((e as Error & { cause: Error }).cause.message) : (e as Error).message}`);
  }
  const body = (await res.json().catch(() => ({}))) as { detail?: string };
  if (!res.ok) throw new Error(`${res.status}: ${body.detail ?? res.statusText}`);
  return body;
}

const time = (ms: number | null) => (ms === null ? 'open' : new Date(ms).toISOString().replace('.000Z', 'Z'));

/** `dinfra-monitor note ID MESSAGE` and `dinfra-monitor incidents`: the operator's side of the API. */
export function apiCommands(out: (s: string) => void): Command[] {
  const note = new Command('note')
    .description('add an operator note to an incident\'s timeline')
    .argument('<incident>', 'incident id')
    .argument('<message...>', 'the note')
    .option('--url <url>', `the monitor [${DEFAULT_URL}]`, DEFAULT_URL)
    .option('--token <token>', 'operator token (or DINFRA_MONITOR_TOKEN)')
    .option('--author <name>', 'who writes it', 'operator')
    .option('--json', 'print the stored event as JSON')
    .action(async (id: string, words: string[], o: { url: string; token?: string; author: string; json?: boolean }) => {
      const token = o.token ?? process.env.DINFRA_MONITOR_TOKEN ?? '';
      const e = (await api(o.url, `/api/incidents/${encodeURIComponent(id)}/notes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ message: words.join(' '), author: o.author }),
      })) as { id: number; at: number };
      out(o.json ? JSON.stringify(e) : `note ${e.id} added to incident ${id} at ${time(e.at)}`);
    });
  const incidents = new Command('incidents')
    .description('list incidents (newest first)')
    .option('--url <url>', `the monitor [${DEFAULT_URL}]`, DEFAULT_URL)
    .option('--open', 'open ones only')
    .option('--target <name>', 'of one target')
    .option('--json', 'JSON output')
    .action(async (o: { url: string; open?: boolean; target?: string; json?: boolean }) => {
      const q = new URLSearchParams({ ...(o.open ? { open: 'true' } : {}), ...(o.target ? { target: o.target } : {}) });
      const body = (await api(o.url, `/api/incidents?${q}`)) as { incidents: { id: number; target: string; cause: string; openedAt: number; closedAt: number | null; timeline: { at: number; kind: string; message: string }[] }[] };
      if (o.json) return out(JSON.stringify(body));
      if (!body.incidents.length) return out('no incidents');
      for (const i of body.incidents) {
        out(`#${i.id} ${i.target}  ${time(i.openedAt)} → ${time(i.closedAt)}  ${i.cause}`);
        for (const e of i.timeline) out(`    ${time(e.at)} ${e.kind}: ${e.message}`);
      }
    });
  return [note, incidents];
}

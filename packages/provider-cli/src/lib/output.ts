/**
 * What commands print. Human output goes to stdout as key/value blocks and tables; with
 * `--json` each command prints exactly one JSON document to stdout (balances as planck
 * strings, block numbers as numbers). Progress and warnings always go to stderr.
 */
export interface Output {
  readonly json: boolean;
  /** The command's result: `doc` as JSON with --json, else `human()` lines. */
  result(doc: unknown, human: () => string): void;
  /** One line of a stream (`subscription watch`): JSON Lines with --json. */
  line(doc: unknown, human: string): void;
  /** A notice for people (stderr). */
  note(text: string): void;
}

export interface OutputStreams {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** JSON with bigints as decimal strings. */
export function toJson(doc: unknown, indent?: number): string {
  return JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), indent);
}

export function createOutput(json: boolean, io: OutputStreams = process): Output {
  return {
    json,
    result(doc, human) {
      io.stdout.write(json ? toJson(doc, 2) + '\n' : human().replace(/\n*$/, '\n'));
    },
    line(doc, human) {
      io.stdout.write((json ? toJson(doc) : human) + '\n');
    },
    note(text) {
      io.stderr.write(text + '\n');
    },
  };
}

/** A plain-text table: a header row, a rule, and left-aligned columns. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [fmt(headers), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
}

/** Aligned `key: value` lines. */
export function fields(entries: Array<[string, string | number | undefined]>): string {
  const shown = entries.filter(([, v]) => v !== undefined && v !== '');
  const width = Math.max(0, ...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `${(k + ':').padEnd(width + 1)} ${v}`).join('\n');
}

/** `3m 20s`-style duration. */
export function formatDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = [d && `${d}d`, h && `${h}h`, m && `${m}m`, (s % 60 || s === 0) && `${s % 60}s`].filter(Boolean);
  return parts.slice(0, 2).join(' ');
}

import { esc, pct } from './html.ts';

/** 90 daily bars: green at 100 %, amber above 99 %, red below; grey where not watched. */
export function uptimeBars(bars: { day: number; uptime: number | null; incidents: number }[], label: string): string {
  const w = 4;
  const gap = 1;
  const rects = bars
    .map((b, i) => {
      const color = b.uptime === null ? '#d0d7de' : b.uptime >= 0.99999 && b.incidents === 0 ? '#2da44e' : b.uptime >= 0.99 ? '#d4a72c' : '#cf222e';
      const day = new Date(b.day).toISOString().slice(0, 10);
      return `<rect x="${i * (w + gap)}" y="0" width="${w}" height="24" rx="1" fill="${color}"><title>${day}: ${b.uptime === null ? 'not watched' : pct(b.uptime, 3)}${b.incidents ? `, ${b.incidents} incident(s)` : ''}</title></rect>`;
    })
    .join('');
  return `<svg class="bars" role="img" aria-label="${esc(label)}" width="${bars.length * (w + gap)}" height="24" viewBox="0 0 ${bars.length * (w + gap)} 24" xmlns="http://www.w3.org/2000/svg">${rects}</svg>`;
}

/** A small line plot of `points` (y may be null: a gap), with its maximum labelled. */
export function linePlot(points: { at: number; y: number | null }[], o: { label: string; unit: string; width?: number; height?: number; color?: string }): string {
  const W = o.width ?? 240;
  const H = o.height ?? 48;
  const ys = points.map((p) => p.y).filter((y): y is number => y !== null);
  if (ys.length < 2) return `<svg class="plot" role="img" aria-label="${esc(o.label)}: no data" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg"><text x="4" y="${H / 2}" font-size="11" fill="#6e7781">no data yet</text></svg>`;
  const t0 = points[0]!.at;
  const t1 = points.at(-1)!.at;
  const max = Math.max(...ys, 1e-9);
  const x = (at: number) => (t1 === t0 ? 0 : ((at - t0) / (t1 - t0)) * (W - 2) + 1);
  const y = (v: number) => H - 12 - (v / max) * (H - 16);
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.at).toFixed(1)},${y(p.y).toFixed(1)}`;
    pen = true;
  }
  const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  return `<svg class="plot" role="img" aria-label="${esc(o.label)}, max ${fmt(max)} ${esc(o.unit)}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" xmlns="http://www.w3.org/2000/svg"><path d="${d}" fill="none" stroke="${o.color ?? '#0969da'}" stroke-width="1.5"/><text x="2" y="${H - 1}" font-size="10" fill="#57606a">${esc(o.label)} · max ${fmt(max)} ${esc(o.unit)}</text></svg>`;
}

/** A shields-style badge: `label | value` in the value's color. */
export function badge(label: string, value: string, color: string): string {
  const cw = (s: string) => Math.round(s.length * 6.5 + 10);
  const lw = cw(label);
  const vw = cw(value);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + vw}" height="20" role="img" aria-label="${esc(label)}: ${esc(value)}"><title>${esc(label)}: ${esc(value)}</title><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${color}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle"><text x="${lw / 2}" y="14">${esc(label)}</text><text x="${lw + vw / 2}" y="14">${esc(value)}</text></g></svg>`;
}

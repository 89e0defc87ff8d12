import { CHECK_LABEL } from '../checks/types.ts';
import type { Monitor } from '../monitor.ts';
import type { Incident } from '../store/incidents-store.ts';
import { DAY, dailyBars } from '../store/uptime.ts';
import { targetViews, type TargetView } from '../server/views.ts';
import { duration, esc, isoTime, pct, STATE_COLOR } from './html.ts';
import { PAGE_CSS } from './page-css.ts';
import { linePlot, uptimeBars } from './svg.ts';

function targetCard(t: TargetView, bars: ReturnType<typeof dailyBars>, points: { at: number; latencyMs: number | null; headLag: number | null }[], now: number): string {
  const latest = t.locations;
  const failures = latest.flatMap((l) => l.failures.map((f) => `<li><b>${esc(CHECK_LABEL[f.check])}</b> (${esc(l.location)}): ${esc(f.message)}</li>`));
  const best = latest.find((l) => l.best !== undefined);
  const lat = latest.flatMap((l) => Object.values(l.latencies));
  return `<article class="target" id="t-${esc(t.name)}" data-target="${esc(t.name)}" data-state="${t.state}">
  <header><span class="dot" style="background:${STATE_COLOR[t.state]}"></span><h3>${esc(t.name)}</h3><span class="state">${esc(t.state)}</span>${t.degradedFrom.length ? `<span class="note">degraded from ${esc(t.degradedFrom.join(', '))}</span>` : ''}
  <span class="meta">${esc(t.kind)}${t.subscription ? ` · subscription ${esc(t.subscription)}` : ''} · <code>${esc(t.url)}</code></span>
  <img class="badge" src="/badge/${encodeURIComponent(t.name)}.svg" alt="uptime badge of ${esc(t.name)}"></header>
  ${t.openIncident ? `<p class="open-incident">Incident <a href="#i-${t.openIncident.id}">#${t.openIncident.id}</a> open for ${esc(duration(now - t.openIncident.openedAt))}: ${esc(t.openIncident.cause)}</p>` : ''}
  <dl class="figures"><div><dt>24 h</dt><dd>${pct(t.uptime['24h'])}</dd></div><div><dt>7 d</dt><dd>${pct(t.uptime['7d'])}</dd></div><div><dt>30 d</dt><dd>${pct(t.uptime['30d'])}</dd></div><div><dt>90 d</dt><dd>${pct(t.uptime['90d'])}</dd></div>
  <div><dt>best</dt><dd>${best?.best !== undefined ? `#${best.best}` : '—'}</dd></div><div><dt>finalized</dt><dd>${best?.finalized !== undefined ? `#${best.finalized}` : '—'}</dd></div><div><dt>head lag</dt><dd>${best?.headLag ?? '—'}</dd></div><div><dt>slowest call</dt><dd>${lat.length ? `${Math.max(...lat).toFixed(1)} ms` : '—'}</dd></div></dl>
  <div class="bars-row">${uptimeBars(bars, `90-day uptime of ${t.name}`)}<span class="axis">90 days ago · today</span></div>
  <div class="plots">${linePlot(points.map((p) => ({ at: p.at, y: p.latencyMs })), { label: 'latency 24 h', unit: 'ms' })}${linePlot(points.map((p) => ({ at: p.at, y: p.headLag })), { label: 'head lag 24 h', unit: 'blocks', color: '#8250df' })}</div>
  ${failures.length ? `<ul class="failures">${failures.join('')}</ul>` : ''}
</article>`;
}

function incidentItem(i: Incident, now: number): string {
  const events = i.timeline.map((e) => `<li class="ev-${e.kind}"><time datetime="${isoTime(e.at)}">${isoTime(e.at)}</time> <b>${esc(e.kind)}</b>${e.author ? ` (${esc(e.author)})` : ''}: ${esc(e.message)}</li>`).join('');
  return `<li class="incident ${i.closedAt === null ? 'open' : 'closed'}" id="i-${i.id}" data-incident="${i.id}"><p><b>#${i.id} ${esc(i.target)}</b> — ${esc(i.cause)} <span class="meta">${i.closedAt === null ? `open for ${esc(duration(now - i.openedAt))}` : `lasted ${esc(duration(i.closedAt - i.openedAt))}`}</span></p><ol class="timeline">${events}</ol></li>`;
}

/** The whole status page: server-rendered HTML with inline SVG; no script, no external resource. */
export function renderStatusPage(m: Monitor, now = Date.now()): string {
  const { targets, providers } = targetViews(m, now);
  const rows = new Map(m.results.targets().map((r) => [r.name, r]));
  const spans = m.incidents.downSpans(now - 90 * DAY, now);
  // Minute buckets of the last 24 h, merged to at most 96 points; a target watched for only a few
  // minutes is plotted from its raw results (few rows).
  const plotPoints = (name: string) => {
    const minutes = m.recent.points(name, now - DAY);
    if (minutes.length < 3) return m.results.series(name, now - DAY);
    const step = Math.ceil(minutes.length / 96);
    const out = [];
    for (let i = 0; i < minutes.length; i += step) {
      const g = minutes.slice(i, i + step);
      const lat = g.filter((p) => p.latencyMs !== null);
      const lag = g.filter((p) => p.headLag !== null);
      out.push({ at: g[0]!.at, latencyMs: lat.length ? lat.reduce((s, p) => s + p.latencyMs!, 0) / lat.length : null, headLag: lag.length ? Math.max(...lag.map((p) => p.headLag!)) : null });
    }
    return out;
  };
  const incidents = m.incidents.list({ from: now - 30 * DAY, limit: 50 });
  const overall = targets.some((t) => t.state === 'down') ? 'down' : targets.some((t) => t.state === 'degraded') ? 'degraded' : targets.length ? 'up' : 'unknown';
  const headline = { up: 'All deployments operational', degraded: 'Some deployments degraded', down: 'Some deployments down', unknown: 'Waiting for the first checks' }[overall];
  const byProvider = providers
    .map((p) => {
      const cards = targets.filter((t) => t.provider === p.name).map((t) => targetCard(t, dailyBars(rows.get(t.name)!, m.incidents, now, 90, spans), plotPoints(t.name), now));
      return `<section class="provider" data-provider="${esc(p.name)}"><h2>${esc(p.name)}</h2><p class="meta">${p.targets} deployment(s), ${p.down} down · uptime 24 h ${pct(p.uptime['24h'])} · 7 d ${pct(p.uptime['7d'])} · 30 d ${pct(p.uptime['30d'])} · 90 d ${pct(p.uptime['90d'])}</p>${cards.join('\n')}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="30">
<title>DINFRA status — ${esc(headline)}</title><style>${PAGE_CSS}</style></head>
<body><main>
<header class="top"><h1>DINFRA status</h1><p class="headline" data-overall="${overall}"><span class="dot" style="background:${STATE_COLOR[overall]}"></span>${esc(headline)}</p>
<p class="meta">${targets.length} deployment(s) watched from ${esc(m.config.location)}${m.isRecorder ? '' : ' (pushing to a recorder)'} · checks every ${esc(duration(m.config.checks.intervalMs))} · updated ${isoTime(now)} · <a href="/api/targets">JSON</a> · <a href="/api/openapi.json">API</a></p></header>
${byProvider || '<p>No deployments yet.</p>'}
<section class="incidents"><h2>Incidents (30 days)</h2>${incidents.length ? `<ol>${incidents.map((i) => incidentItem(i, now)).join('')}</ol>` : '<p>No incidents.</p>'}</section>
</main></body></html>`;
}

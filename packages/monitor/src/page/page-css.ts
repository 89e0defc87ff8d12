/** The page's only style sheet, inline (no CDN, no external file). */
export const PAGE_CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f8fa;color:#1f2328}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{margin:0 0 4px;font-size:24px}h2{font-size:18px;margin:24px 0 4px}h3{display:inline;font-size:15px;margin:0 6px}
.headline{font-size:18px;font-weight:600;margin:4px 0}.meta{color:#57606a;font-size:12px}
.dot{display:inline-block;width:12px;height:12px;border-radius:50%;margin-right:6px;vertical-align:middle}
.target{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:10px 12px;margin:10px 0}
.target header{display:flex;flex-wrap:wrap;align-items:center;gap:6px}.state{font-weight:600;text-transform:uppercase;font-size:12px}
.badge{margin-left:auto}.note{background:#fff8c5;border-radius:4px;padding:0 6px;font-size:12px}
.open-incident{background:#ffebe9;border-radius:4px;padding:4px 8px;margin:6px 0}
.figures{display:flex;flex-wrap:wrap;gap:14px;margin:6px 0}.figures div{min-width:70px}.figures dt{color:#57606a;font-size:11px}.figures dd{margin:0;font-weight:600}
.bars-row{display:flex;align-items:center;gap:8px}.axis{color:#57606a;font-size:11px}
.plots{display:flex;flex-wrap:wrap;gap:16px;margin-top:6px}.failures{margin:6px 0;color:#cf222e;font-size:12px}
.incidents ol{list-style:none;padding:0}.incident{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:8px 0}
.incident.open{border-color:#cf222e}.timeline{font-size:12px;padding-left:18px;list-style:disc}.ev-note{color:#0969da}
code{font-size:12px}
`;

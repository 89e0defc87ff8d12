/** /docs: a self-contained page (no CDN) that renders /openapi.json. */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>DINFRA OGate API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#222}
h1{margin-bottom:.2rem}.op{border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:.6rem 1rem}
.m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
.get{color:#1565c0}.put{color:#ef6c00}.post{color:#2e7d32}code,pre{background:#f6f6f6;border-radius:4px}
pre{padding:.5rem;overflow:auto;font-size:13px}details summary{cursor:pointer}
</style></head><body>
<h1 id="title">OGate API</h1><p id="summary"></p><div id="desc"></div><div id="ops">Loading /openapi.json ...</div>
<script>
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
fetch('/openapi.json').then((r) => r.json()).then((doc) => {
  document.getElementById('title').textContent = doc.info.title + ' ' + doc.info.version;
  document.getElementById('summary').textContent = doc.info.summary || '';
  document.getElementById('desc').innerHTML = '<pre>' + esc(doc.info.description) + '</pre>';
  let html = '';
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op !== 'object' || !op.operationId) continue;
      const auth = op.security && op.security.length === 0 ? 'no token' : 'bearer token';
      html += '<div class="op"><span class="m ' + method + '">' + method + '</span><code>' + esc(path) + '</code> &mdash; ' + esc(op.summary) +
        ' <small>(' + esc(op.operationId) + ', ' + auth + ')</small>' + (op.description ? '<pre>' + esc(op.description) + '</pre>' : '') +
        '<details><summary>parameters, body, responses</summary><pre>' + esc(JSON.stringify({ parameters: op.parameters, requestBody: op.requestBody, responses: op.responses }, null, 2)) + '</pre></details></div>';
    }
  }
  html += '<h2>Schemas</h2>';
  for (const [name, s] of Object.entries(doc.components.schemas)) html += '<details class="op"><summary><b>' + esc(name) + '</b></summary><pre>' + esc(JSON.stringify(s, null, 2)) + '</pre></details>';
  document.getElementById('ops').innerHTML = html;
}).catch((e) => { document.getElementById('ops').textContent = 'cannot load /openapi.json: ' + e; });
</script></body></html>
`;

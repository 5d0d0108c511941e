/**
 * The HTML page: input JSON, a Worker counter (so tests can see onnxruntime-web's thread pool start),
 * then the bundled entry as an ES module.
 */
export function pageHtml(input: unknown): string {
  // '<' escaped so that JSON containing "</script>" cannot end the inline script.
  const json = JSON.stringify(input ?? null).replace(/</g, '\\u003c');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>seg webtest</title><link rel="icon" href="data:,"></head>
<body>
<script>
window.__input = ${json};
window.__workers = 0;
(function () {
  var W = window.Worker;
  if (!W) return;
  window.Worker = class extends W { constructor(a, b) { super(a, b); window.__workers++; } };
})();
</script>
<script type="module" src="./bundle.js"></script>
</body></html>
`;
}

/** The preview's host page: panel and course frame; its script is preview-host.js. */
export function hostPage(title: string): string {
  const targets = [
    ['web', 'Web'],
    ['scorm12', 'SCORM 1.2'],
    ['scorm2004', 'SCORM 2004'],
    ['cmi5', 'cmi5'],
    ['xapi', 'xAPI'],
  ];
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Preview: ${escape(title)}</title>
<style>
body { margin: 0; display: grid; grid-template-columns: 1fr 22rem; height: 100vh; font: 14px/1.4 system-ui, sans-serif; }
iframe { border: 0; width: 100%; height: 100%; }
aside { border-inline-start: 1px solid #ccc; padding: 0.75rem; overflow: auto; }
nav a { margin-inline-end: 0.5rem; } nav a[aria-current="true"] { font-weight: bold; }
th { text-align: start; padding-inline-end: 0.5rem; } pre { font-size: 11px; white-space: pre-wrap; }
</style>
<script src="/__preview/lms/scorm12.js"></script>
<script src="/__preview/lms/scorm2004.js"></script>
<script type="module" src="/__preview/host.js"></script>
</head>
<body>
<iframe id="course" title="Course"></iframe>
<aside aria-label="LMS">
<nav>${targets.map(([id, name]) => `<a data-target="${id ?? ''}" href="/?target=${id ?? ''}">${name ?? ''}</a>`).join('')}</nav>
<h2>What the LMS records</h2>
<table><tbody id="model"></tbody></table>
<ol id="statements"></ol>
<p><button id="reset" type="button">Reset attempt</button> <button id="relaunch" type="button">Close and relaunch</button></p>
<p><label><input id="refuse" type="checkbox"> LMS refuses commits / LRS fails</label></p>
<p><select id="mode" aria-label="cmi5 launch mode"><option>Normal</option><option>Browse</option><option>Review</option></select></p>
</aside>
</body>
</html>
`;
}

/** The course page for one target, as the dev server serves it (Vite injects its client). */
export function playerPage(language: string, target: string): string {
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="/@id/virtual:coursemark/entry/${target}"></script>
<script type="module" src="/@id/virtual:coursemark/preview-frame"></script></head>
<body></body>
</html>
`;
}

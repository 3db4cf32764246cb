/**
 * The preview's host page: panel and course frame; its script is preview-host.js. `token` is the
 * session token its script sends with every preview API request (preview-guard.ts).
 */
export function hostPage(title: string, token: string): string {
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
<meta name="coursemark-token" content="${escape(token)}">
<title>Preview: ${escape(title)}</title>
<link rel="icon" href="data:,">
<style>
/* The player's design tokens (--cm-*) are applied by lms-panel.js; these are their fallbacks. */
body { margin: 0; display: grid; grid-template-columns: minmax(0, 1fr) minmax(22rem, 30rem); height: 100vh; font: 14px/1.45 system-ui, sans-serif; background: var(--cm-bg, #fff); color: var(--cm-fg, #1b1b1f); }
iframe { border: 0; width: 100%; height: 100%; }
aside { border-inline-start: 1px solid var(--cm-border, #767680); background: var(--cm-surface, #f3f3f6); padding: 0.75rem 1rem; overflow: auto; overflow-wrap: anywhere; }
h2 { font-size: 1rem; margin: 1rem 0 0.5rem; } h3 { font-size: 0.875rem; margin: 1rem 0 0.25rem; }
a { color: var(--cm-link, #3b5ba9); }
nav { display: flex; flex-wrap: wrap; gap: 0.25rem; }
nav a { padding: 0.25rem 0.5rem; border-radius: var(--cm-radius, 0.375rem); text-decoration: none; border: 1px solid var(--cm-border, #767680); }
nav a[aria-current="true"] { background: var(--cm-button-bg, #3b5ba9); color: var(--cm-button-fg, #fff); border-color: transparent; }
:focus-visible { outline: 2px solid var(--cm-focus, #3b5ba9); outline-offset: 2px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.125rem 0.75rem; margin: 0; }
.facts dt { font-weight: 600; } .facts dd { margin: 0; }
.scroll { overflow-x: auto; margin-block: 0.75rem; }
table { border-collapse: collapse; font-size: 12px; min-inline-size: 100%; }
caption { text-align: start; font-weight: 600; padding-block-end: 0.25rem; }
th, td { border: 1px solid var(--cm-border, #767680); padding: 0.125rem 0.375rem; text-align: start; vertical-align: top; }
th { background: var(--cm-bg, #fff); }
th, td { overflow-wrap: normal; } td:nth-child(2), td:nth-child(4), td:nth-child(6) { white-space: nowrap; } td:nth-child(1), td:nth-child(3), td:nth-child(5) { min-inline-size: 6rem; }
pre.json { font-size: 11px; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--cm-bg, #fff); border: 1px solid var(--cm-border, #767680); border-radius: var(--cm-radius, 0.375rem); padding: 0.5rem; }
.statements { padding-inline-start: 1.25rem; } .statements summary { cursor: pointer; }
.muted { color: var(--cm-muted, #595960); } .problem { color: var(--cm-danger, #a12a2f); }
.controls { display: grid; gap: 0.5rem; margin-block-start: 1rem; justify-items: start; }
button, select { font: inherit; border-radius: var(--cm-radius, 0.375rem); }
button { background: var(--cm-button-bg, #3b5ba9); color: var(--cm-button-fg, #fff); border: 1px solid transparent; padding: 0.375rem 0.75rem; cursor: pointer; }
select { background: var(--cm-bg, #fff); color: var(--cm-fg, #1b1b1f); border: 1px solid var(--cm-border, #767680); padding: 0.25rem; }
#problem { position: fixed; inset: 1rem; overflow: auto; background: var(--cm-bg, #fff); color: var(--cm-fg, #1b1b1f); border: 3px solid var(--cm-danger, #a12a2f); border-radius: var(--cm-radius, 0.375rem); padding: 1rem 1.5rem; box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.3); }
#problem .file { font-family: ui-monospace, monospace; font-weight: 600; } #problem pre { white-space: pre-wrap; }
</style>
<script src="/__preview/lms/scorm12.js"></script>
<script src="/__preview/lms/scorm2004.js"></script>
<script type="module" src="/__preview/host.js"></script>
</head>
<body>
<iframe id="course" title="Course"></iframe>
<aside aria-label="LMS">
<nav aria-label="Target">${targets.map(([id, name]) => `<a data-target="${id ?? ''}" href="/?target=${id ?? ''}">${name ?? ''}</a>`).join('')}</nav>
<h2>What the LMS records</h2>
<div id="model"></div>
<ol id="statements" class="statements"></ol>
<div class="controls">
<p><button id="reset" type="button">Reset attempt</button> <button id="relaunch" type="button">Close and relaunch</button></p>
<label><input id="refuse" type="checkbox"> LMS refuses commits / LRS fails</label>
<label id="mode-label">cmi5 launch mode <select id="mode"><option>Normal</option><option>Browse</option><option>Review</option></select></label>
</div>
</aside>
<section id="problem" role="alert" aria-labelledby="problem-title" hidden>
<h2 id="problem-title">The course has a problem</h2>
<p class="file"></p>
<p class="message"></p>
<pre class="frame"></pre>
<p class="muted">Fix it and save: the preview updates. The terminal lists every problem.</p>
</section>
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

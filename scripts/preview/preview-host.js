// The preview's LMS host page: a side panel (target, what the LMS or LRS recorded, controls) next
// to the course in a frame. SCORM targets get a scorm-again API on this window (found by the
// content's API discovery, as in an LMS); cmi5 and xAPI report to the preview's loopback LRS.
import { createHotContext } from '/@vite/client';
import { applyTokens, factsList, refreshCourse, scormPanel, statementList } from '/@id/virtual:coursemark/lms-panel';

const params = new URLSearchParams(location.search);
const target = params.get('target') ?? 'web';
const mode = params.get('mode') ?? 'Normal';
const $ = (id) => document.getElementById(id);
const frame = $('course');
const isScorm = target === 'scorm12' || target === 'scorm2004';
const version = target === 'scorm12' ? '1.2' : '2004';
let refuse = false;
// The session token the preview's API asks for (preview-guard.ts); only this page can read it.
const token = document.querySelector('meta[name="coursemark-token"]')?.getAttribute('content') ?? '';
const previewApi = (path, init = {}) => fetch(path, { ...init, headers: { 'x-coursemark-token': token } });
let api;
let registration = '';

for (const link of document.querySelectorAll('[data-target]')) link.setAttribute('aria-current', String(link.dataset.target === target));

/** What an LMS hands the next launch of the same attempt (SCORM 1.2 RTE 3.4.2, 2004 RTE 4.2.8). */
function resumeData(stored) {
  const cmi = stored?.cmi ?? {};
  if (version === '1.2') {
    const core = cmi.core ?? {};
    return { core: { entry: core.exit === 'suspend' ? 'resume' : 'ab-initio', lesson_location: core.lesson_location ?? '', lesson_status: core.lesson_status ?? 'not attempted', score: core.score ?? {} }, suspend_data: cmi.suspend_data ?? '' };
  }
  return { entry: cmi.exit === 'suspend' ? 'resume' : 'ab-initio', location: cmi.location ?? '', suspend_data: cmi.suspend_data ?? '', completion_status: cmi.completion_status ?? 'unknown', success_status: cmi.success_status ?? 'unknown', score: cmi.score ?? {} };
}

function newApi(data) {
  const settings = { autocommit: false, logLevel: 5, mastery_override: false };
  const next = version === '2004' ? new window.Scorm2004API(settings) : new window.Scorm12API(settings);
  if (data) next.loadFromJSON(data, '');
  for (const name of ['Commit', 'LMSCommit']) {
    if (typeof next[name] !== 'function') continue;
    const original = next[name].bind(next);
    next[name] = (...args) => (refuse ? 'false' : original(...args));
  }
  if (version === '2004') window.API_1484_11 = next;
  else window.API = next;
  return next;
}

async function launchUrl(fresh) {
  if (isScorm || target === 'web') return `/__preview/player/${target}.html${location.hash}`;
  const response = await previewApi(`/__preview/launch?target=${target}&mode=${mode}${fresh || !registration ? '' : `&registration=${registration}`}`);
  const launch = await response.json();
  registration = launch.registration;
  return `/__preview/player/${target}.html${launch.search}`;
}

/** Closes the content (as a learner leaving) and opens it again: a new session of the same attempt. */
async function relaunch(fresh = false) {
  const hash = frame.contentWindow?.location.hash ?? '';
  frame.src = 'about:blank';
  await new Promise((resolve) => setTimeout(resolve, 50));
  if (isScorm) api = newApi(fresh || !api ? undefined : resumeData(JSON.parse(api.renderCMIToJSONString())));
  if (fresh && target === 'web') localStorage.clear();
  frame.src = (await launchUrl(fresh)) + (fresh || target !== 'web' && !isScorm ? '' : hash);
}

// What the panel last drew: redrawn only on a change, so open details and scroll positions stay.
let drawn = '';
function draw(key, nodes) {
  if (key === drawn) return;
  drawn = key;
  $('model').replaceChildren(...nodes);
}

function renderScorm() {
  const json = api.renderCMIToJSONString();
  draw(json, scormPanel(JSON.parse(json).cmi ?? {}, version));
}

async function renderLrs() {
  const response = await previewApi(`/__preview/lrs/statements?registration=${registration}`);
  const { statements, state } = await response.json();
  draw(`${statements.length} ${state}`, [factsList([['Statements', statements.length], ['State documents', state]])]);
  const list = $('statements');
  if (list.childElementCount === statements.length) return;
  list.replaceChildren(...statementList(statements));
}

$('reset').addEventListener('click', () => relaunch(true));
$('relaunch').addEventListener('click', () => relaunch(false));
$('refuse').addEventListener('change', (event) => {
  refuse = event.target.checked;
  if (!isScorm) void previewApi(`/__preview/lrs/fail?on=${refuse}`, { method: 'POST' });
});
$('mode').value = mode;
$('mode-label').hidden = target !== 'cmi5';
$('mode').addEventListener('change', (event) => {
  params.set('mode', event.target.value);
  location.search = params.toString();
});

setInterval(() => {
  if (isScorm && api) renderScorm();
  else if (target === 'cmi5' || target === 'xapi') void renderLrs();
  else draw('web', [factsList([['Tracking', 'web: progress kept in this browser']])]);
}, 100);

// A Markdown edit: when it changed only pages, the frame swaps them in place (preview-frame.js);
// otherwise relaunch with the same attempt and the same page (the route is in the hash).
const hot = createHotContext('/__preview/host');
hot.on('coursemark:update', (data) => {
  $('problem').hidden = true;
  void refreshCourse();
  if (!Array.isArray(data?.pages)) void relaunch(false);
});
// A Markdown edit with an error: where it is and what to do, over the course until it is fixed.
hot.on('coursemark:error', (error) => {
  const box = $('problem');
  box.querySelector('.file').textContent = `${error.file}:${error.line}:${error.column}`;
  box.querySelector('.message').textContent = error.message;
  box.querySelector('.frame').textContent = error.frame;
  box.hidden = false;
});

applyTokens(document);

void relaunch(true);

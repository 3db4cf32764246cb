// The preview's LMS panel, as the host page draws it (preview-host.js): what the emulated LMS holds
// for a SCORM attempt (status, score, location, the decoded suspend_data, a table of every
// interaction) and the statements an LRS received for cmi5 and xAPI. Served through the dev server as
// `virtual:coursemark/lms-panel`, so it reads the course and the player's own progress codec and
// design tokens: the panel decodes suspend_data exactly as the player does.
import { course as initial } from 'virtual:coursemark/details';
import { decodeProgress } from '/runtime/resume/progress-codec.ts';
import { tokens } from '/styles/theme.ts';

let course = initial;

/** Reads the course again after an edit (its questions decide how suspend_data reads). */
export async function refreshCourse() {
  ({ course } = await import(/* @vite-ignore */ `/@id/__x00__coursemark:details.js?t=${Date.now()}`));
}

/** The player's design tokens on the host page (they are written for a :host; here that is the page). */
export function applyTokens(document) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(tokens.cssText.replace(/:host/g, ':root'));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

const element = (tag, properties = {}, children = []) => {
  const node = document.createElement(tag);
  Object.assign(node, properties);
  node.append(...children);
  return node;
};

export function factsList(rows) {
  return element('dl', { className: 'facts' }, rows.flatMap(([label, value]) => [element('dt', { textContent: label }), element('dd', { textContent: String(value ?? '') })]));
}

/** An LMS's indexed collection (scorm-again writes "0", "1"... keys, with childArray and _count). */
const indexed = (collection) => Object.keys(collection ?? {}).filter((key) => /^\d+$/.test(key)).sort((a, b) => Number(a) - Number(b)).map((key) => collection[key]);

/** One row per interaction, as the LMS holds it (SCORM 1.2 RTE 3.4.2.8; SCORM 2004 RTE 4.2.9). */
export function interactionRows(cmi, version) {
  return indexed(cmi.interactions).map((interaction) => ({
    id: interaction.id ?? '',
    type: interaction.type ?? '',
    response: (version === '1.2' ? interaction.student_response : interaction.learner_response) ?? '',
    result: interaction.result ?? '',
    pattern: indexed(interaction.correct_responses).map((entry) => entry.pattern ?? '').join(' | '),
    latency: interaction.latency ?? '',
  }));
}

const COLUMNS = [
  ['id', 'Id'],
  ['type', 'Type'],
  ['response', 'Learner response'],
  ['result', 'Result'],
  ['pattern', 'Correct pattern'],
  ['latency', 'Latency'],
];

function interactionsTable(rows) {
  const head = element('thead', {}, [element('tr', {}, COLUMNS.map(([, label]) => element('th', { scope: 'col', textContent: label })))]);
  const body = element('tbody', {}, rows.map((row) => element('tr', {}, COLUMNS.map(([key]) => element('td', { textContent: row[key] })))));
  return element('div', { className: 'scroll', tabIndex: 0 }, [element('table', { id: 'interactions' }, [element('caption', { textContent: `Interactions (${rows.length})` }), head, body])]);
}

/** suspend_data as the player reads it back at the next launch. */
function decodedSuspendData(text) {
  if (text === '') return element('p', { className: 'muted', textContent: 'Empty: nothing saved yet.' });
  const decoded = decodeProgress(text, course);
  if (!decoded.ok) return element('p', { className: 'problem', textContent: `The player could not read it back: ${decoded.reason}.` });
  return element('pre', { id: 'suspend-data', className: 'json', textContent: JSON.stringify(decoded.state, null, 2) });
}

/** The panel's content for a SCORM attempt, from the API's data model as JSON. */
export function scormPanel(cmi, version) {
  const core = cmi.core ?? {};
  const suspend = String(cmi.suspend_data ?? '');
  const facts = version === '1.2'
    ? [['Status', core.lesson_status], ['Score', core.score?.raw], ['Location', core.lesson_location], ['Suspend data', `${suspend.length} of 4096 characters`]]
    : [['Completion', cmi.completion_status], ['Success', cmi.success_status], ['Score', cmi.score?.scaled], ['Location', cmi.location], ['Suspend data', `${suspend.length} of 64000 characters`]];
  return [factsList(facts), interactionsTable(interactionRows(cmi, version)), element('h3', { textContent: 'Suspend data, decoded' }), decodedSuspendData(suspend)];
}

/** The statements an LRS stored, newest last, each expandable as JSON. */
export function statementList(statements) {
  return statements.map((statement) => {
    const verb = statement.verb?.display?.['en-US'] ?? String(statement.verb?.id ?? '').split('/').pop();
    const object = statement.object?.definition?.name?.['en-US'] ?? statement.object?.id ?? '';
    const summary = element('summary', {}, [element('strong', { textContent: verb }), ` ${object}`]);
    return element('li', {}, [element('details', {}, [summary, element('pre', { className: 'json', textContent: JSON.stringify(statement, null, 2) })])]);
  });
}

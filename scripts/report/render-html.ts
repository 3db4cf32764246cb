/**
 * The report as one self-contained HTML file: no script, no network (a Content-Security-Policy that
 * allows nothing but the inline styles says so to the browser), charts as inline SVG with the table
 * of their figures after each, headings and captions for every part (WCAG 2.2: 1.1.1, 1.3.1, 2.4.6).
 */
import { THRESHOLDS } from './flags.js';
import { duration, escapeHtml as e, num2, pct } from './html-text.js';
import type { Flag, QuestionFigures, ReportData } from './report-data.js';
import { REPORT_STYLES } from './report-styles.js';
import { barChart, columnChart } from './svg-charts.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[], className = ''): string {
  const header = head.map((cell) => `<th scope="col">${cell}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td>${cell}</td>`)).join('')}</tr>`).join('');
  return `<div class="table-wrap"><table${className === '' ? '' : ` class="${className}"`}><caption>${caption}</caption><thead><tr>${header}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function flagList(flags: readonly Flag[], titles: ReadonlyMap<string, string>): string {
  if (flags.length === 0) return '<p>Nothing to flag.</p>';
  return `<ul class="flags">${flags.map((flag) => `<li><strong>${e(titles.get(flag.target.split('/')[0] ?? '') ?? flag.target)}</strong> <span class="rule">(${e(flag.rule)})</span>: ${e(flag.message)}</li>`).join('')}</ul>`;
}

function summary(data: ReportData): string {
  const a = data.assessment;
  const items: [string, string][] = [
    ['Learners', String(data.learners)],
    ['Answered every question', String(a.learners)],
    ['Questions', `${a.questions} (${a.maxPoints} points)`],
    ['Mean score', pct(a.mean)],
    ['Standard deviation', pct(a.standardDeviation)],
    ['Median score', pct(a.median)],
    ['Lowest and highest', a.min === null ? '–' : `${pct(a.min)} to ${pct(a.max)}`],
    ['KR-20', num2(a.kr20)],
    ["Cronbach's alpha", num2(a.alpha)],
    ['Reached mastery', `${pct(a.passRate)} (mastery ${pct(a.mastery)})`],
  ];
  return `<dl class="figures">${items.map(([term, value]) => `<div><dt>${term}</dt><dd>${e(value)}</dd></div>`).join('')}</dl>`;
}

function assessmentSection(data: ReportData): string {
  const a = data.assessment;
  const columns = a.distribution.map((bin) => ({ label: `${Math.round(bin.from * 100)}–${Math.round(bin.to * 100)}%`, count: bin.count }));
  const busiest = [...columns].sort((x, y) => y.count - x.count)[0];
  const description = a.learners === 0 ? 'No learner answered every question.' : `Scores of ${a.learners} learners in bins of 10 percentage points; most are in ${busiest?.label ?? '–'} (${busiest?.count ?? 0}). Mean ${pct(a.mean)}, standard deviation ${pct(a.standardDeviation)}.`;
  return `<section aria-labelledby="assessment"><h2 id="assessment">Assessment</h2>${summary(data)}
<figure>${columnChart({ id: 'scores', title: 'Score distribution', description }, columns)}<figcaption>Score distribution of the learners who answered every question (the table below has the same figures).</figcaption></figure>
${table('Score distribution', ['Score', 'Learners'], columns.map((column) => [e(column.label), String(column.count)]))}</section>`;
}

function questionsSection(data: ReportData, lang: string): string {
  const bars = data.questions.map((question) => ({ label: question.id, value: question.difficulty ?? 0, text: pct(question.difficulty) }));
  const easiest = [...data.questions].filter((q) => q.difficulty !== null).sort((x, y) => (y.difficulty ?? 0) - (x.difficulty ?? 0));
  const description = easiest.length === 0 ? 'No answers yet.' : `Proportion of learners who answered each question correctly. Easiest: ${easiest[0]?.id ?? ''} (${pct(easiest[0]?.difficulty ?? null)}); hardest: ${easiest.at(-1)?.id ?? ''} (${pct(easiest.at(-1)?.difficulty ?? null)}). Dashed lines at ${pct(THRESHOLDS.hard)} and ${pct(THRESHOLDS.easy)}.`;
  const rows = data.questions.map((q) => [
    `<a href="#q-${e(q.id)}">${e(q.id)}</a>`,
    String(q.learners),
    pct(q.difficulty),
    q.meanScore === null ? '–' : `${q.meanScore.toFixed(2)} of ${q.weight}`,
    num2(q.pointBiserial),
    num2(q.upperLower),
    duration(q.medianTimeMs),
    q.flags.length === 0 ? '' : e(q.flags.map((flag) => flag.rule).join(', ')),
  ]);
  return `<section aria-labelledby="questions"><h2 id="questions">Questions</h2>
<figure>${barChart({ id: 'difficulty', title: 'Proportion correct per question', description }, bars, [THRESHOLDS.hard, THRESHOLDS.easy])}<figcaption>Proportion correct per question (the table below has the same figures and more).</figcaption></figure>
${table('Item statistics', ['Question', 'Learners', 'Correct (p)', 'Mean score', 'Point-biserial', 'Upper–lower', 'Median time', 'Flags'], rows)}
${data.questions.map((question) => questionDetail(question, lang)).join('\n')}</section>`;
}

function questionDetail(q: QuestionFigures, lang: string): string {
  const options =
    q.options.length === 0
      ? ''
      : table(
          `Options of ${e(q.id)}`,
          ['Option', 'Correct', 'Learners', 'Share'],
          q.options.map((option) => [`<span lang="${e(lang)}">${e(option.text)}</span>`, option.correct ? 'yes' : 'no', String(option.count), pct(option.share)]),
        );
  const responses =
    q.responses === null
      ? `<p>${q.distinctResponses} different typed answer(s), hidden: they are the learners' own words (run the report with --show-text to include them).</p>`
      : q.responses.length === 0
        ? ''
        : table(`Most frequent responses to ${e(q.id)}`, ['Response', 'Learners'], q.responses.map((r) => [`<span lang="${e(lang)}">${e(r.label)}</span>`, String(r.count)]));
  const extra = [q.retried > 0 ? `${q.retried} learner(s) answered more than once; their latest answer counts.` : '', q.unread > 0 ? `${q.unread} answer(s) could not be read against the course as it is now.` : ''].filter(Boolean).join(' ');
  return `<section class="question" aria-labelledby="q-${e(q.id)}"><h3 id="q-${e(q.id)}">${e(q.id)} <span class="type">(${e(q.type)}, page ${e(q.pageId)})</span></h3>
<p lang="${e(lang)}">${e(q.prompt)}</p>${q.flags.length > 0 ? `<ul class="flags">${q.flags.map((flag) => `<li>${e(flag.message)}</li>`).join('')}</ul>` : ''}${extra === '' ? '' : `<p>${e(extra)}</p>`}${options}${responses}</section>`;
}

function pagesSection(data: ReportData, lang: string): string {
  if (data.learnersWithPages === 0) return `<section aria-labelledby="pages"><h2 id="pages">Pages</h2><p>No page statements in the data: reach, drop-off and time on page need xAPI or cmi5 statements.</p></section>`;
  const bars = data.pages.map((page) => ({ label: `${page.index + 1}. ${page.title}`, value: page.reached / Math.max(1, data.learnersWithPages), text: String(page.reached) }));
  const worst = [...data.pages].sort((x, y) => (y.dropOff ?? 0) - (x.dropOff ?? 0))[0];
  const description = `Learners who reached each page, in course order, of ${data.learnersWithPages}. ${worst && (worst.dropOff ?? 0) > 0 ? `Most stopped after "${worst.title}" (${worst.stoppedHere}).` : 'No learner stopped before the last page.'}`;
  const rows = data.pages.map((page) => [`<span lang="${e(lang)}">${e(`${page.index + 1}. ${page.title}`)}</span>`, String(page.reached), String(page.stoppedHere), pct(page.dropOff), duration(page.medianTimeMs)]);
  return `<section aria-labelledby="pages"><h2 id="pages">Pages</h2>
<figure>${barChart({ id: 'funnel', title: 'Learners reaching each page', description }, bars)}<figcaption>Reach per page (the table below has the same figures).</figcaption></figure>
${table('Reach, drop-off and time per page', ['Page', 'Reached', 'Stopped here', 'Drop-off', 'Median time'], rows)}</section>`;
}

function activitiesSection(data: ReportData, lang: string): string {
  if (data.activities.length === 0) return '';
  const rows = data.activities.map((activity) => [
    `<span lang="${e(lang)}">${e(activity.title)}</span>`,
    String(activity.submitted),
    activity.texts === null ? 'hidden' : activity.texts.map((text) => `<p lang="${e(lang)}">${e(text)}</p>`).join(''),
  ]);
  return `<section aria-labelledby="activities"><h2 id="activities">Activities</h2>${table('Activities submitted', ['Activity', 'Learners', 'Shared texts'], rows)}</section>`;
}

function learnersSection(data: ReportData): string {
  const title = new Map(data.pages.map((page) => [page.id, page.title]));
  const rows = data.learnerList.map((learner) => [e(learner.id), String(learner.answered), pct(learner.score), e(learner.furthestPage === null ? '–' : (title.get(learner.furthestPage) ?? learner.furthestPage)), learner.completed ? 'yes' : 'no']);
  return `<section aria-labelledby="learners"><h2 id="learners">Learners</h2><p>Learners are named by pseudonyms: a keyed hash of their identifier, never the identifier itself.</p>${table('Learners', ['Learner', 'Questions answered', 'Score', 'Furthest page', 'Finished'], rows)}</section>`;
}

function inputsSection(data: ReportData): string {
  const rows = data.inputs.map((input) => [
    e(input.path),
    e(input.format),
    String(input.records),
    String(input.used),
    e(Object.entries(input.ignored).map(([reason, count]) => `${count}: ${reason}`).join('; ') || 'none'),
  ]);
  return `<section aria-labelledby="inputs"><h2 id="inputs">Data read</h2>${table('Input files', ['File', 'Format', 'Records', 'Used', 'Left out'], rows)}</section>`;
}

const GLOSSARY: readonly [string, string][] = [
  ['Correct (p)', 'Difficulty index: the share of learners who answered correctly. Above 90% the question is flagged as too easy, under 20% as too hard.'],
  ['Mean score', 'The mean points the question gave, of its weight.'],
  ['Point-biserial', "The correlation between getting the question right and the learner's score on the other questions (learners who answered every question). Under 0.20 it is flagged: the question hardly separates learners who did well from the others."],
  ['Upper–lower', 'The share correct among the top 27% of learners by their score on the other questions minus that among the bottom 27%.'],
  ['KR-20 and alpha', "How consistently the questions measure the same thing (0 to 1; 0.7 and above is usual for a test that grades). KR-20 counts right and wrong; Cronbach's alpha uses the question weights."],
  ['Standard deviation', 'How far scores spread around the mean, over the whole group (dividing by the number of learners).'],
  ['Drop-off', "Of the learners who reached a page, the share whose furthest page it is and who did not finish. 20% or more is flagged."],
  ['Median time', 'Half the learners took less, half more. Time on a page runs until the next page opens; more than 30 minutes counts as having left.'],
];

export function renderHtml(data: ReportData): string {
  const lang = data.course.language;
  const titles = new Map<string, string>([...data.questions.map((q) => [q.id, `Question ${q.id}`] as const), ...data.pages.map((page) => [page.id, `Page "${page.title}"`] as const)]);
  const notes = data.notes.length === 0 ? '' : `<section aria-labelledby="notes"><h2 id="notes">About these figures</h2><ul>${data.notes.map((note) => `<li>${e(note)}</li>`).join('')}</ul></section>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Item analysis: ${e(data.course.title)}</title>
<style>${REPORT_STYLES}</style>
</head>
<body>
<main>
<h1>Item analysis: <span lang="${e(lang)}">${e(data.course.title)}</span></h1>
<p class="lead">Version ${e(data.course.version)} · ${data.learners} learner(s) · ${data.questions.length} question(s) · ${data.inputs.length} data file(s)</p>
${notes}
<section aria-labelledby="flagged"><h2 id="flagged">Flagged</h2>${flagList(data.flags, titles)}</section>
${assessmentSection(data)}
${questionsSection(data, lang)}
${pagesSection(data, lang)}
${activitiesSection(data, lang)}
${learnersSection(data)}
${inputsSection(data)}
<section aria-labelledby="meaning"><h2 id="meaning">What the figures mean</h2><dl class="glossary">${GLOSSARY.map(([term, text]) => `<dt>${e(term)}</dt><dd>${e(text)}</dd>`).join('')}</dl></section>
</main>
</body>
</html>
`;
}

import { printable } from '../diagnostics/printable.js';
import { cartridgeLines } from './cartridge-summary.js';
import { KIND_NAMES, problemCount, type Recorded, type VerifyReport } from './verify-report.js';

const ANSWERED: Readonly<Record<string, string>> = { correct: 'correctly', wrong: 'wrongly', first: 'with the first option each time' };

function counts(results: Readonly<Record<string, number>>): string {
  const parts = Object.entries(results).map(([result, count]) => `${count} ${result}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** Verbs in order, runs of the same verb shortened: "answered, progressed ×2". */
function verbRuns(verbs: readonly string[]): string {
  const runs: { verb: string; count: number }[] = [];
  for (const verb of verbs) {
    const last = runs.at(-1);
    if (last?.verb === verb) last.count += 1;
    else runs.push({ verb, count: 1 });
  }
  return runs.map(({ verb, count }) => (count === 1 ? verb : `${verb} ×${count}`)).join(', ');
}

const row = (label: string, value: string): string => `  ${`${label}:`.padEnd(16)}${value}`;

function recordedLines(recorded: Recorded): string[] {
  const lines = [
    row('Completion', recorded.completion),
    row('Success', recorded.success),
    row('Score', recorded.score ?? 'not reported'),
    row('Interactions', `${recorded.interactions.count} recorded${counts(recorded.interactions.results)}`),
  ];
  if (recorded.suspendData !== undefined) {
    const { size, limit } = recorded.suspendData;
    lines.push(row('Saved progress', `${size} of ${limit} characters of suspend_data (${Math.round((size / limit) * 100)}%)`));
  }
  lines.push(row('Session time', recorded.sessionTime ?? 'not reported'));
  if (recorded.statements !== undefined) lines.push(row('Statements', `${recorded.statements.length}, in order: ${verbRuns(recorded.statements)}`));
  return lines;
}

/**
 * The report as plain sections a course author can read without knowing SCORM. Everything in it
 * may come from the package (titles, entry names, addresses), so control characters are escaped.
 */
export function formatReport(report: VerifyReport): string {
  const lines = [`coursemark verify: ${report.package}`, ''];
  lines.push(`Package:  ${report.kind === undefined ? 'unknown kind' : KIND_NAMES[report.kind]}`);
  if (report.sandbox !== undefined) lines.push(`Browser:  Chromium, ${report.sandbox === 'on' ? 'in its sandbox' : `without its sandbox (${report.sandbox.replace(/^off: /, '')})`}; requests outside the package and the LMS blocked`);
  lines.push(`Files and manifest: ${report.manifest.length === 0 ? 'no problems found' : `${report.manifest.length} problem(s), listed below`}`);
  if (report.walked !== undefined) {
    const retried = (report.walked.poolAttempts ?? []).some((seen) => seen.attempt > 1);
    const optional = report.walked.optional ?? [];
    const listed = optional.length === 0 ? '' : ` (${optional.length} optional, not counted towards completion: ${optional.map((title) => `"${title}"`).join(', ')})`;
    lines.push(`Learner:  went through ${report.walked.pages} pages${listed}, answered ${report.walked.questions} questions ${ANSWERED[report.answers] ?? report.answers}${retried ? ' (a question pool\'s retries as listed below)' : ''}, then pressed "Exit course"`);
    for (const seen of report.walked.poolAttempts ?? []) {
      lines.push(`          question pool "${seen.pool}", attempt ${seen.attempt}: answered ${ANSWERED[seen.answers] ?? seen.answers}, ${Math.round(seen.scaled * 100)}% of its points`);
    }
  }
  if (report.units !== undefined) {
    lines.push('', `Assignable units (${report.units.aus.length}), each launched on its own in one registration`);
    for (const au of report.units.aus) {
      const outcome = [au.recorded.completion, au.recorded.success === 'unknown' ? undefined : au.recorded.success].filter((part) => part !== undefined).join(', ');
      const mastery = au.masteryScore === undefined ? 'no masteryScore' : `masteryScore ${au.masteryScore}`;
      lines.push(`  ${au.satisfied ? 'satisfied    ' : 'NOT satisfied'}  ${au.title}: ${au.pages} page(s), ${au.questions} question(s); ${outcome}; moveOn ${au.moveOn}, ${mastery}`);
    }
    lines.push(`  Course: ${report.units.courseSatisfied ? 'satisfied (every AU is)' : 'not satisfied'}`);
  }
  if (report.cartridge !== undefined) lines.push('', ...cartridgeLines(report.cartridge));
  if (report.recorded !== undefined) lines.push('', report.units === undefined ? 'What the LMS recorded' : 'What the LRS recorded, all AUs together', ...recordedLines(report.recorded));
  if (report.resume !== undefined) {
    const same = report.resume.leftOn === report.resume.landedOn;
    lines.push('', 'Resume', `  Left on "${report.resume.leftOn}", came back to "${report.resume.landedOn}": ${same ? 'same page' : 'a different page'}`);
  }
  if (report.advice !== undefined && report.advice.length > 0) {
    lines.push('', 'In your LMS');
    for (const advice of report.advice) {
      lines.push(`  ${advice.title}`);
      for (const line of advice.lines) lines.push(`    - ${line}`);
    }
  }
  const problems = [...report.manifest, ...report.findings];
  lines.push('', problems.length === 0 ? 'Problems: none' : `Problems (${problems.length})`);
  for (const problem of problems) lines.push(`  - ${problem}`);
  lines.push(
    '',
    problemCount(report) === 0
      ? report.cartridge === undefined
        ? 'Result: OK. The LMS will record this package as shown above.'
        : 'Result: OK. An LMS that imports this cartridge will create what is listed above.'
      : `Result: ${problemCount(report)} problem(s). Fix them before uploading.`,
  );
  // Each line is one line: a line break inside a title or an entry name is shown as \u000a too.
  return `${lines.map(printable).join('\n')}\n`;
}

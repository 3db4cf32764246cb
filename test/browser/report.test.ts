import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerMode } from '../../scripts/verify/learner.js';
import { READY_PAGE_HEADING } from '../../scripts/verify/learner.js';
import { exitCourse, walkCourse } from '../../scripts/verify/learner.js';
import type { ReportData } from '../../scripts/report/report-data.js';
import { runCli } from '../unit/helpers/run-cli.js';
import { openPackageSite, type PackageSite } from './helpers/packages.js';
import { settle } from '../../scripts/verify/run-lrs.js';

// The real run: the sample course's xAPI package played by the scripted learners of `coursemark
// verify` against the loopback LRS, the statements exported from the LRS as any LRS exports them
// (GET /statements), then `coursemark report` on them; the HTML opened offline and checked with axe.
const repo = join(import.meta.dirname, '../..');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const LEARNERS: readonly { readonly email: string; readonly answers: AnswerMode; readonly stopAfterPage?: number }[] = [
  { email: 'ana@example.org', answers: 'correct' },
  { email: 'ben@example.org', answers: 'wrong' },
  { email: 'cai@example.org', answers: 'correct', stopAfterPage: 3 },
  { email: 'dee@example.org', answers: 'wrong', stopAfterPage: 3 },
];
let site: PackageSite;
let work: string;
let data: ReportData;
let html: string;

beforeAll(async () => {
  site = await openPackageSite(['xapi']);
  work = await mkdtemp(join(tmpdir(), 'coursemark-report-run-'));
  const auth = `Basic ${Buffer.from('report:run').toString('base64')}`;
  site.lrs.allowAuth(auth);
  for (const learner of LEARNERS) {
    const actor = JSON.stringify({ objectType: 'Agent', mbox: `mailto:${learner.email}` });
    const query = new URLSearchParams({ endpoint: site.lrs.endpoint, auth, actor, registration: crypto.randomUUID(), activity_id: site.course.id });
    const context = await site.browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${site.content.url}xapi/index.html?${query}`);
    await page.locator(READY_PAGE_HEADING).first().waitFor();
    await walkCourse(page, site.course, { answers: learner.answers, ...(learner.stopAfterPage === undefined ? {} : { stopAfterPage: learner.stopAfterPage }) });
    if (learner.stopAfterPage === undefined) await exitCourse(page);
    // Everything the learner did has reached the LRS: their last page view, or "terminated" after Exit.
    const mine = () => site.lrs.statements().filter((statement) => JSON.stringify(statement.actor).includes(learner.email)).map((statement) => `${statement.verb.id} ${'id' in statement.object ? statement.object.id : ''}`);
    const last = learner.stopAfterPage === undefined ? 'verbs/terminated' : `experienced ${site.course.pages[learner.stopAfterPage]?.iri ?? ''}`;
    await settle(site.lrs, () => mine().some((line) => line.includes(last)), 15_000);
    await context.close();
  }
  const exported = await fetch(`${site.lrs.endpoint}statements`, { headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3' } });
  await writeFile(join(work, 'statements.json'), await exported.text());
  const out = join(work, 'report.html');
  const result = await runCli('report', join(repo, 'course'), join(work, 'statements.json'), '--out', out, '--json');
  expect(result.code, result.err).toBe(0);
  data = JSON.parse(result.out) as ReportData;
  html = await readFile(out, 'utf8');
}, 300_000);

afterAll(async () => {
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('coursemark report on a real run of the sample course', () => {
  it('counts the learners, their answers and where they stopped', () => {
    expect(data.learners).toBe(4);
    expect(data.learnersWithPages).toBe(4);
    for (const question of data.questions) {
      const page = site.course.pages.find((candidate) => candidate.id === question.pageId);
      const reached = LEARNERS.filter((learner) => (learner.stopAfterPage ?? 99) >= (page?.index ?? 0));
      expect(question.learners, question.id).toBe(reached.length);
      expect(question.correct, question.id).toBe(reached.filter((learner) => learner.answers === 'correct').length);
    }
    const stop = data.pages[3];
    expect(stop?.reached).toBe(4);
    expect(stop?.stoppedHere).toBe(2);
    expect(stop?.flags.map((flag) => flag.rule)).toEqual(['high-drop-off']);
    expect(data.pages.at(-1)?.reached).toBe(2);
    expect(data.assessment.learners).toBe(2);
    expect(data.assessment.mean).toBe(0.5);
    expect(data.inputs[0]?.ignored['a session statement (initialized, progressed, passed, terminated...)']).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain('example.org');
    expect(html).not.toContain('example.org');
    // The sample course's reflection is private: it reports that it was done, and no text.
    expect(data.activities[0]?.submitted).toBe(2);
    expect(html).not.toContain('written by coursemark verify');
  });

  it('opens offline with no request, charts have text alternatives and tables, and axe finds nothing', async () => {
    const context = await site.browser.newContext({ offline: true, bypassCSP: true });
    const page: Page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(join(work, 'report.html')).href);
    await expect.poll(() => page.locator('h1').textContent()).toContain('The psychology of cybercrime');
    const charts = await page.locator('svg.chart').evaluateAll((svgs) =>
      svgs.map((svg) => {
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
        const names = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
        const figure = svg.closest('figure');
        return { role: svg.getAttribute('role'), names, tableAfter: figure?.nextElementSibling?.querySelector('table') !== null };
      }),
    );
    expect(charts.length).toBe(3);
    for (const chart of charts) {
      expect(chart.role).toBe('img');
      expect(chart.names.every((name) => name.length > 10)).toBe(true);
      expect(chart.tableAfter).toBe(true);
    }
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run(document)).violations.map((violation) => violation.id);
    });
    expect(violations).toEqual([]);
    expect(requests).toEqual([]);
    await context.close();
  });
});

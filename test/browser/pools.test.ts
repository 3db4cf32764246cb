// Question pools and tries, as learners meet them in each target: a course written for the test
// (not the sample course), built with the CLI, taken in the web build, in scorm-again as the LMS, and
// through verify (the emulated LMSs and a loopback LRS that checks the cmi5 rules).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage } from '../../scripts/verify/verify-package.js';
import { serveBuiltCourse, type BuiltCourse } from './helpers/built-course.js';
import { seriousViolations } from './helpers/axe.js';
import { lmsData, lmsLog, nextAttemptData, startScormLms, type ScormLms } from '../support/scorm-lms.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { unzip } from '../unit/package/package-helpers.js';
import { startLrs } from '../support/lrs-server.js';
import { serveDirectory } from './helpers/server.js';
import { READY_PAGE_HEADING, waitForPlayer } from '../../scripts/verify/learner.js';

const question = (id: string, tag: string, right: boolean): string => `:::question{#${id} type=true-false answer=${String(right)} tag=${tag}}
Statement ${id} (${tag}).
:::
`;

const COURSE = {
  // Every setting of the assessment at once: practice outside the pool (passing: pools), completion
  // on the pages that are not optional and the assessment, the best attempt counting.
  'course.yaml': 'id: https://example.org/courses/pools\ntitle: Pools\nlanguage: en\nversion: "1.0.0"\nmastery: 0.8\npassing: pools\ncompletion: { pages: all, questions: assessment }\n',
  'sections/01-warm-up.md': `---
title: Warm-up
---

:::question{#warm-up type=single-choice attempts=2 show-answer}
Who is responsible when an image is shared without consent?

- [x] The person who shared it
- [ ] The person shown in it
:::
`,
  'sections/03-further-reading.md': `---
title: Further reading
optional: true
---

Reading for those who want more.
`,
  'sections/02-check.md': `---
title: Knowledge check
---

::::question-pool{#final draw=3 retries=2 counts=best stratify title="Final check"}
${['law-1', 'law-2', 'law-3'].map((id, i) => question(id, 'law', i % 2 === 0)).join('\n')}
${['help-1', 'help-2', 'help-3'].map((id, i) => question(id, 'help', i % 2 === 1)).join('\n')}
::::
`,
};

let built: BuiltCourse;

beforeAll(async () => {
  built = await serveBuiltCourse(COURSE, { args: ['--target', 'web,scorm12,scorm2004,cmi5,xapi'] });
}, 180_000);

afterAll(async () => {
  await built?.close();
});

const zipOf = async (target: string): Promise<Uint8Array> => new Uint8Array(await readFile(join(built.work, 'out', `pools-1.0.0-${target}.zip`)));

type Scope = Page | Frame;

/** The ids of the questions shown (drawn) on the page. */
const shownQuestions = (scope: Scope): Promise<string[]> =>
  scope.locator('cm-question:not([hidden])').evaluateAll((elements) => elements.map((element) => (element as HTMLElement & { question?: { id: string } }).question?.id ?? ''));

/** Answers a shown true/false question: rightly or not (the answer key is in the question's data). */
async function answer(scope: Scope, id: string, right: boolean): Promise<void> {
  const host = scope.locator('cm-question:not([hidden])').nth((await shownQuestions(scope)).indexOf(id));
  const key = await host.evaluate((element) => (element as HTMLElement & { question?: { answer?: boolean } }).question?.answer === true);
  await host.locator(`input[value="${String(right ? key : !key)}"]`).check();
  await host.locator('[data-action="check"]').click();
}

const feedbackOf = (scope: Scope, id: string): Promise<string> =>
  scope.locator('cm-question').evaluateAll((elements, wanted) => {
    const host = elements.find((element) => (element as HTMLElement & { question?: { id: string } }).question?.id === wanted);
    return host?.shadowRoot?.querySelector('.feedback')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }, id);

describe('in the web build', () => {
  it('shows 3 of the 6 questions, a stratified draw, and after a wrong attempt "Try again" draws anew', async () => {
    const page = await built.browser.newPage();
    await page.goto(`${built.server.url}#/check`);
    await page.locator('cm-pool [data-attempt="1"]').waitFor();
    const first = await shownQuestions(page);
    expect(first).toHaveLength(3);
    // Stratified: 3 from two tags of 3 is 2 and 1.
    const laws = first.filter((id) => id.startsWith('law')).length;
    expect([1, 2]).toContain(laws);
    for (const id of first) await answer(page, id, false);
    // Answers in a pool are final at the first check.
    expect(await feedbackOf(page, first[0] ?? '')).toContain('This answer is final.');
    const result = page.locator('cm-pool [data-pool-result]');
    await expect.poll(() => result.getAttribute('data-pool-result')).toBe('below');
    expect(await result.textContent()).toContain('You can try this set 2 more times');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('cm-pool [data-action="retry"]').click();
    await page.locator('cm-pool [data-attempt="2"]').waitFor();
    const second = await shownQuestions(page);
    expect(second).toHaveLength(3);
    // Every question of the new draw starts unanswered.
    for (const id of second) expect(await feedbackOf(page, id)).toBe('');
    await page.context().close();
  });

  it('resumes in the middle of a retry with the same draw and answers', async () => {
    const page = await built.browser.newPage();
    await page.goto(`${built.server.url}#/check`);
    await page.locator('cm-pool [data-attempt="1"]').waitFor();
    for (const id of await shownQuestions(page)) await answer(page, id, false);
    await page.locator('cm-pool [data-action="retry"]').click();
    await page.locator('cm-pool [data-attempt="2"]').waitFor();
    const drawn = await shownQuestions(page);
    await answer(page, drawn[0] ?? '', true);
    await page.reload();
    await page.locator('cm-pool [data-attempt="2"]').waitFor();
    expect(await shownQuestions(page)).toEqual(drawn);
    expect(await feedbackOf(page, drawn[0] ?? '')).toContain('Correct.');
    expect(await feedbackOf(page, drawn[1] ?? '')).toBe('');
    await page.context().close();
  });

  it('limits the checks of a question with attempts, then shows the right answer', async () => {
    const page = await built.browser.newPage();
    await page.goto(`${built.server.url}#/warm-up`);
    const host = page.locator('cm-question');
    await host.locator('input[value="b"]').check();
    await host.locator('[data-action="check"]').click();
    await expect.poll(() => feedbackOf(page, 'warm-up')).toContain('check it 1 more time');
    await host.locator('input[value="b"]').check();
    await host.locator('[data-action="check"]').click();
    await expect.poll(() => feedbackOf(page, 'warm-up')).toContain('This answer is final. The right answer: The person who shared it');
    expect(await host.locator('[data-action="check"]').count()).toBe(0);
    expect(await host.locator('input[value="a"]').isDisabled()).toBe(true);
    await page.context().close();
  });
});

describe('in an LMS (scorm-again): resume in the middle of a retry', () => {
  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: the relaunch shows the same draw, the attempt and its answers`, async () => {
      const lms: ScormLms = await startScormLms(await zipOf(version === '1.2' ? 'scorm12' : 'scorm2004'), version);
      try {
        const launch = async (cmi: Record<string, unknown>): Promise<{ page: Page; frame: Frame }> => {
          const page = await lms.launch(built.browser, { cmi });
          await expect.poll(() => page.frames().length).toBeGreaterThan(1);
          const frame = page.frames().find((candidate) => candidate !== page.mainFrame()) as Frame;
          await frame.locator(READY_PAGE_HEADING).first().waitFor();
          return { page, frame };
        };
        const first = await launch(nextAttemptData(version, {}));
        await first.frame.locator('[data-action="next"]').click();
        await first.frame.locator('cm-pool [data-attempt="1"]').waitFor();
        for (const id of await shownQuestions(first.frame)) await answer(first.frame, id, false);
        await first.frame.locator('cm-pool [data-action="retry"]').click();
        await first.frame.locator('cm-pool [data-attempt="2"]').waitFor();
        const drawn = await shownQuestions(first.frame);
        await answer(first.frame, drawn[1] ?? '', true);
        await first.page.evaluate(() => (window as unknown as { __lmsClose: () => void }).__lmsClose());
        const finish = version === '1.2' ? 'LMSFinish' : 'Terminate';
        await expect.poll(async () => (await lmsLog(first.page)).some((call) => call.name === finish)).toBe(true);
        // The first attempt's three wrong answers and the retry's right one, each an interaction; the retry's named by its attempt.
        const ids = (await lmsLog(first.page)).filter((call) => /interactions\.\d+\.id$/.test(call.args[0] ?? '')).map((call) => call.args[1]);
        expect(ids.filter((id) => id?.endsWith('_attempt-2'))).toEqual([`${drawn[1] ?? ''}_attempt-2`]);
        const stored = await lmsData(first.page);
        await first.page.context().close();
        const second = await launch(nextAttemptData(version, stored));
        await second.frame.locator('cm-pool [data-attempt="2"]').waitFor();
        expect(await shownQuestions(second.frame)).toEqual(drawn);
        expect(await feedbackOf(second.frame, drawn[1] ?? '')).toContain('Correct.');
        expect(await feedbackOf(second.frame, drawn[0] ?? '')).toBe('');
        await second.page.context().close();
      } finally {
        await lms.close();
      }
    }, 90_000);
  }
});

describe('in an LRS target: resume in the middle of a retry', () => {
  for (const target of ['cmi5', 'xapi'] as const) {
    it(`${target}: the relaunch of the registration shows the same draw, the attempt and its answers`, async () => {
      const root = join(built.work, `site-${target}`);
      for (const entry of unzip(await zipOf(target))) {
        const path = join(root, ...entry.path.split('/'));
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, entry.contents);
      }
      const content = await serveDirectory(root);
      const lrs = await startLrs();
      const auth = `Basic ${Buffer.from('pools:test').toString('base64')}`;
      const actor = JSON.stringify({ objectType: 'Agent', name: 'Learner', mbox: 'mailto:learner@example.org' });
      const registration = randomUUID();
      const url = (): string => {
        if (target === 'cmi5') return `${content.url}index.html${lrs.setLaunch({ activityId: 'https://example.org/courses/pools/au', registration, moveOn: 'CompletedOrPassed' }).search}`;
        lrs.allowAuth(auth);
        return `${content.url}index.html?${new URLSearchParams({ endpoint: lrs.endpoint, auth, actor, registration, activity_id: 'https://example.org/courses/pools' })}`;
      };
      const context = await built.browser.newContext();
      try {
        const first = await context.newPage();
        await first.goto(url());
        await waitForPlayer(first);
        await first.goto(`${first.url().split('#')[0] ?? ''}#/check`);
        await first.locator('cm-pool [data-attempt="1"]').waitFor();
        for (const id of await shownQuestions(first)) await answer(first, id, false);
        await first.locator('cm-pool [data-action="retry"]').click();
        await first.locator('cm-pool [data-attempt="2"]').waitFor();
        const drawn = await shownQuestions(first);
        await answer(first, drawn[2] ?? '', true);
        // The retry's answer reaches the LRS, with its attempt, before the tab closes.
        await expect
          .poll(() => lrs.statements().some((statement) => statement.context?.registration === registration && statement.context.extensions?.['https://coursemark.dev/xapi/extensions/pool-attempt'] === 2), { timeout: 15_000 })
          .toBe(true);
        // The tab closes and the course opens again in the same browser: what reached the LRS and what
        // the closed tab kept on the device together (another device would see the LRS's bookmark,
        // written a moment after the statement).
        await first.close();
        // As reliability X6 does: the closed tab's lock on the attempt is gone a moment later (other-tab.ts).
        await new Promise((resolve) => setTimeout(resolve, 500));
        const second = await context.newPage();
        await second.goto(url());
        await waitForPlayer(second);
        await second.locator('cm-pool [data-attempt="2"]').waitFor();
        expect(await shownQuestions(second)).toEqual(drawn);
        expect(await feedbackOf(second, drawn[2] ?? '')).toContain('Correct.');
        expect(await feedbackOf(second, drawn[0] ?? '')).toBe('');
        if (target === 'cmi5') expect(lrs.cmi5Findings()).toEqual([]);
      } finally {
        await context.close();
        await lrs.close();
        await content.close();
      }
    }, 90_000);
  }
});

describe('recorded as the rules say: fail, try again, pass', () => {
  for (const target of ['scorm12', 'scorm2004', 'cmi5', 'xapi'] as const) {
    it(`${target}: the second attempt passes, the first is no fail`, async () => {
      const report = await verifyPackage(await zipOf(target), { name: `pools-${target}.zip`, answers: 'wrong', retries: ['correct'], resume: false }, () => Promise.resolve(built.browser));
      expect([...report.manifest, ...report.findings]).toEqual([]);
      expect(report.walked?.poolAttempts?.map(({ attempt, scaled }) => ({ attempt, scaled }))).toEqual([
        { attempt: 1, scaled: 0 },
        { attempt: 2, scaled: 1 },
      ]);
      // The warm-up (practice under passing: pools, answered wrongly once) and two attempts of three questions.
      expect(report.walked?.questions).toBe(7);
      expect(report.recorded?.interactions.count).toBe(7);
      // SCORM 1.2 has one status: "completed" for a pass in its default mode; the others say passed apart.
      expect(report.recorded?.completion).toBe('completed');
      if (target !== 'scorm12') expect(report.recorded?.success).toBe('passed');
      if (target === 'cmi5' || target === 'xapi') {
        const verbs = report.recorded?.statements ?? [];
        expect(verbs.filter((verb) => verb === 'attempted')).toHaveLength(1);
        expect(verbs.filter((verb) => verb === 'passed')).toHaveLength(1);
        expect(verbs).not.toContain('failed');
      }
    }, 120_000);
  }

  it('cmi5: a learner who fails every attempt is failed once, after the last one', async () => {
    const report = await verifyPackage(await zipOf('cmi5'), { name: 'pools-cmi5.zip', answers: 'wrong', retries: ['wrong', 'wrong', 'wrong'], resume: false }, () => Promise.resolve(built.browser));
    expect([...report.manifest, ...report.findings]).toEqual([]);
    // Three attempts (retries=2): the fourth way is not used, as no "Try again" is offered.
    expect(report.walked?.poolAttempts?.map(({ attempt }) => attempt)).toEqual([1, 2, 3]);
    const verbs = report.recorded?.statements ?? [];
    expect(verbs.filter((verb) => verb === 'failed')).toHaveLength(1);
    expect(verbs.indexOf('failed')).toBeGreaterThan(verbs.lastIndexOf('attempted'));
    expect(verbs).not.toContain('passed');
  }, 120_000);
});

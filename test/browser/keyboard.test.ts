import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { activeElement, openPlayer, pageErrors, readProgress, startHarness, tabTo, type ActiveElement, type Harness } from './helpers/player.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const isButton = (text: string) => (active: ActiveElement) => active.tag === 'button' && active.text.startsWith(text);
const inQuestion = (id: string, tag: string, type?: string) => (active: ActiveElement) =>
  active.owner === id && active.tag === tag && (type === undefined || active.type === type);

async function pressNext(page: Page, expectedTitle: string): Promise<void> {
  await tabTo(page, isButton('Next'), 'the Next button');
  await page.keyboard.press('Enter');
  await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h1', text: expectedTitle });
}

async function submit(page: Page, id: string): Promise<void> {
  await tabTo(page, (a) => a.owner === id && a.tag === 'button' && a.text === 'Check answer', `Check answer of ${id}`);
  await page.keyboard.press('Enter');
}

async function feedback(page: Page, index: number): Promise<string> {
  return (await page.locator('cm-question').nth(index).locator('.feedback').textContent()) ?? '';
}

test('a keyboard-only learner can complete the course and pass', async () => {
  const page = await openPlayer(harness);
  // First load does not move focus; the first Tab reaches the skip button.
  await expect(activeElement(page)).resolves.toMatchObject({ tag: 'body' });
  await page.keyboard.press('Tab');
  await expect(activeElement(page)).resolves.toMatchObject({ tag: 'button', text: 'Skip to content' });

  await pressNext(page, 'Choices and words');

  // Single choice: the first Tab into the group lands on the first radio; ArrowDown selects b.
  await tabTo(page, inQuestion('who-is-responsible', 'input', 'radio'), 'the first choice');
  await page.keyboard.press('ArrowDown');
  await submit(page, 'who-is-responsible');
  expect(await feedback(page, 0)).toContain('Correct.');

  // Multiple response: Space toggles checkboxes a and b.
  await tabTo(page, (a) => inQuestion('forms-of-abuse', 'input', 'checkbox')(a) && a.value === 'a', 'choice a');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await submit(page, 'forms-of-abuse');
  expect(await feedback(page, 1)).toContain('Correct.');

  // True/false with arrow keys, submitted with Space.
  await tabTo(page, inQuestion('only-women', 'input', 'radio'), 'True');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, (a) => a.owner === 'only-women' && a.text === 'Check answer', 'Check answer');
  await page.keyboard.press('Space');
  expect(await feedback(page, 2)).toContain('Correct.');

  // Fill-in: Enter in the text field submits.
  await tabTo(page, inQuestion('name-the-crime', 'input', 'text'), 'the answer field');
  await page.keyboard.type('Sextortion');
  await page.keyboard.press('Enter');
  expect(await feedback(page, 3)).toContain('Correct.');

  await pressNext(page, 'Numbers, pairs and order');

  await tabTo(page, inQuestion('year', 'input', 'text'), 'the number field');
  await page.keyboard.type('2017');
  await page.keyboard.press('Enter');
  expect(await feedback(page, 0)).toContain('Correct.');

  // Matching: arrow keys change a focused (closed) select.
  for (const [source, target] of [['1', 'a'], ['2', 'b'], ['3', 'c']] as const) {
    const active = await tabTo(page, (a) => a.owner === 'match-terms' && a.tag === 'select' && a.id === `match-${source}`, `select ${source}`);
    let value = active.value;
    for (let i = 0; value !== target && i < 8; i += 1) {
      await page.keyboard.press('ArrowDown');
      value = (await activeElement(page)).value;
    }
    expect(value).toBe(target);
  }
  await submit(page, 'match-terms');
  expect(await feedback(page, 1)).toContain('Correct.');

  // Sequencing: Move up buttons, pressed with Enter; focus stays on the moved step's button.
  const wanted = ['a', 'b', 'c'];
  const steps = page.locator('cm-question').nth(2);
  const ids = async (): Promise<string[]> =>
    steps.locator('.step button[id^="up-"]').evaluateAll((buttons) => buttons.map((b) => b.id.slice(3)));
  for (let i = 0; i < wanted.length; i += 1) {
    const id = wanted[i] ?? '';
    if ((await ids()).indexOf(id) <= i) continue;
    await tabTo(page, (a) => a.id === `up-${id}`, `Move up of step ${id}`);
    while ((await ids()).indexOf(id) > i) {
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await activeElement(page)).id).toBe(`up-${id}`);
    }
  }
  await submit(page, 'reporting-steps');
  expect(await feedback(page, 2)).toContain('Correct.');

  // Activity: type, save, then open the discussion disclosure.
  await tabTo(page, (a) => a.owner === 'bystander-reflection' && a.tag === 'textarea', 'the reflection');
  await page.keyboard.type('I would refuse to pass it on.');
  await tabTo(page, isButton('Save reflection'), 'Save reflection');
  await page.keyboard.press('Enter');
  await tabTo(page, isButton('Show discussion'), 'Show discussion');
  await page.keyboard.press('Enter');
  await expect(page.locator('cm-activity').getByRole('button', { name: 'Show discussion' }).getAttribute('aria-expanded')).resolves.toBe('true');

  await pressNext(page, 'Closing');
  await tabTo(page, isButton('See your results'), 'See your results');
  await page.keyboard.press('Enter');
  await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h1', text: 'Your results' });
  await expect(page.locator('cm-results [data-outcome]').getAttribute('data-outcome')).resolves.toBe('passed');
  await expect(page.locator('cm-results [data-completion]').getAttribute('data-completion')).resolves.toBe('completed');
  await expect(page.locator('cm-results section').textContent()).resolves.toContain('You passed.');

  const saved = await readProgress(page);
  expect(saved).toMatchObject({ completed: true, location: 3 });
  expect(Object.keys(saved?.['answers'] ?? {})).toHaveLength(7);
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

test('the table of contents and Previous work from the keyboard', async () => {
  const page = await openPlayer(harness, { hash: '#/questions-two' });
  await tabTo(page, (a) => a.tag === 'a' && a.text.includes('Closing'), 'the Closing link');
  await page.keyboard.press('Enter');
  await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h1', text: 'Closing' });
  await expect(page.locator('cm-toc a[aria-current="page"]').textContent()).resolves.toContain('Closing');
  await tabTo(page, isButton('Previous'), 'Previous');
  await page.keyboard.press('Enter');
  await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h1', text: 'Numbers, pairs and order' });
  await page.context().close();
});

test('an internal link to a heading opens the page and focuses the heading', async () => {
  const page = await openPlayer(harness, { hash: '#/welcome' });
  await tabTo(page, (a) => a.tag === 'a' && a.text === 'Go to where next', 'the internal link');
  await page.keyboard.press('Enter');
  await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h2', id: 'where-next' });
  expect(page.url()).toContain('#/closing/where-next');
  await page.context().close();
});

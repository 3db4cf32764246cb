import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCourse, type CheckResult } from '../../../scripts/pipeline.js';
import { baseConfig, courseFromStrings } from '../helpers/course-from-strings.js';

// B8: generated input never makes checkCourse throw, every message lies inside its file, and the
// model keeps its invariants. A failing case found here becomes a file in
// test/fixtures/hardening/property-seeds/ (a section, checked below on every run).
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 200);

function assertInvariants(result: CheckResult): void {
  for (const file of result.files) {
    const lines = String(file.value ?? '').split(/\r\n|\r|\n/);
    for (const message of file.messages) {
      if (message.line === undefined) continue;
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.line).toBeLessThanOrEqual(Math.max(lines.length, 1));
      expect(message.column ?? 1).toBeGreaterThanOrEqual(1);
      // A column may point just past the last character (an unclosed construct at the end of a line).
      expect(message.column ?? 1).toBeLessThanOrEqual((lines[message.line - 1] ?? '').length + 2);
    }
  }
  const model = result.model;
  if (!model) return;
  const ids = model.data.pages.map((page) => page.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(model.data.pages.map((page) => page.index)).toEqual(ids.map((_, i) => i));
  const questionIds = model.data.questions.map((question) => question.iri);
  expect(new Set(questionIds).size).toBe(questionIds.length);
  for (const iri of [...model.data.pages.map((page) => page.iri), ...questionIds]) expect(() => new URL(iri)).not.toThrow();
}

const check = (sections: Readonly<Record<string, string>>): CheckResult => checkCourse(courseFromStrings({ 'course.yaml': baseConfig, ...sections }));

const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9 *_`<>&#;:'"{}[\]()!\\|~-]{0,20}$/);
const line = fc.oneof(
  word,
  word.map((w) => `## ${w}`),
  word.map((w) => `- ${w}`),
  word.map((w) => `1. ${w}`),
  word.map((w) => `> ${w}`),
  word.map((w) => `- [x] ${w} :feedback[${w}]`),
  word.map((w) => `- [ ] ${w}`),
  word.map((w) => `- ${w} -> ${w}`),
  fc.constantFrom(':::question{type=single-choice}', ':::question{#q type=multiple-response}', ':::note{title="x"}', ':::activity{#a}', ':::support', ':::', '::discussion', '::correct[ok]', '::incorrect[no]'),
  word.map((w) => `::figure[${w}]{src="../assets/a.svg" alt="${w.replace(/"/g, '')}"}`),
  word.map((w) => `[${w}](${w.replace(/[\s()]/g, '')})`),
  word.map((w) => `:term[${w.replace(/[[\]]/g, '')}]`),
  fc.constantFrom('```', '---', '$$', '|a|b|\n|-|-|\n|1|2|', '<br>', '&amp;', '\t', ''),
);
const frontmatter = fc.oneof(
  fc.constant('---\ntitle: A page\n---\n'),
  word.map((w) => `---\ntitle: ${w}\n---\n`),
  fc.record({ title: word, id: word, duration: fc.oneof(fc.integer(), fc.double(), word) }).map((r) => `---\ntitle: "${r.title.replace(/"/g, '')}"\nid: ${r.id}\nduration: ${String(r.duration)}\n---\n`),
  fc.string().map((s) => `---\n${s}\n---\n`),
  fc.constant(''),
);
const section = fc.tuple(frontmatter, fc.array(line, { maxLength: 30 })).map(([head, body]) => `${head}\n${body.join('\n')}\n`);

describe('property tests (B8)', () => {
  it('arbitrary text never throws and messages stay inside the file', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        assertInvariants(check({ 'sections/01-a.md': text }));
      }),
      { numRuns: RUNS },
    );
  });

  it('structured Markdown (frontmatter, directives, lists, questions) never throws; the model keeps its invariants', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 4 }), (pages) => {
        const files = Object.fromEntries(pages.map((text, i) => [`sections/${String(i + 1).padStart(2, '0')}-p.md`, text]));
        const result = check(files);
        assertInvariants(result);
        if (result.model) expect(result.model.data.pages.length).toBe(pages.length);
      }),
      { numRuns: RUNS },
    );
  });

  const seeds = join(import.meta.dirname, '../../fixtures/hardening/property-seeds');
  for (const name of readdirSync(seeds).filter((file) => file.endsWith('.md'))) {
    it(`regression seed ${name}`, () => {
      const result = check({ 'sections/01-a.md': readFileSync(join(seeds, name), 'utf8') });
      assertInvariants(result);
      expect(result.files.flatMap((file) => file.messages).length).toBeGreaterThan(0);
    });
  }
});

import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../../scripts/bundle/bundle-course.js';
import { main } from '../../../scripts/cli/main.js';
import type { CourseModel } from '../../../scripts/model/course-model.js';
import { cartridgeEntries } from '../../../scripts/package/cc/cartridge.js';
import { checkPackage, packageTarget } from '../../../scripts/package/index.js';
import { readCartridge, type ReadQuestion } from './cartridge-reader.js';
import { decode, fakeWebFiles, makeModel, text, unzip, validateCartridgeFile } from './package-helpers.js';

// The Common Cartridge (--target cc): the sample course built by the CLI, and a course with every
// question type, both read back by an importer written for the test (cartridge-reader.ts) and
// compared with the course; every XML file against the CC 1.1 XSDs; negative tests.

/** A course with every question type, shared and private reflections, a figure, support with a web link, parts of none. */
const everyType = (): CourseModel =>
  makeModel({
    'glossary.yaml': '- term: Sextortion\n  definition: A threat to share images.\n',
    'assets/x.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n',
    'sections/01-a.md': [
      '---\ntitle: Start & welcome\n---\n',
      'Read [the questions](02-b.md#more) first; :term[sextortion] is in the glossary.\n',
      '::figure[A square]{src="../assets/x.svg" alt="A black square"}\n',
      ':::support{title="Help now"}\nCall someone, or see [the helpline](https://example.org/help?a=1&b=2) or [reports](https://example.org/report).\n:::\n',
    ].join('\n'),
    'sections/02-b.md': [
      '---\ntitle: B <questions>\n---\n',
      ':::question{#single type=single-choice}\nPick **one** of these.\n\n- [ ] Wrong :feedback[Not that one.]\n- [x] Right & *proper* :feedback[Yes.]\n- [ ] Also wrong\n\n::correct[Well done.]\n::incorrect[Look again.]\n:::\n',
      ':::question{#multi type=multiple-response weight=2.5}\nPick the right ones.\n\n- [x] One\n- [ ] Two\n- [x] Three\n:::\n',
      ':::question{#tf type=true-false answer=false weight=0}\nThe sky is green.\n:::\n',
      ':::question{#fill type=fill-in case-sensitive}\nName the capital of France.\n\n- Paris\n- PARIS\n:::\n',
      ':::question{#exact type=numeric answer=42 unit="%"}\nHow much?\n:::\n',
      ':::question{#near type=numeric answer=3.14 tolerance=0.01}\nPi, roughly?\n:::\n',
      ':::question{#pairs type=matching}\nMatch them.\n\n- Cat -> Meow\n- Dog -> Woof\n:::\n',
      ':::question{#order type=sequencing}\nPut them in order.\n\n1. First\n2. Second\n:::\n',
      '## More\n',
      ':::activity{#shared-note title="Tell your tutor" shared}\nWhat did you learn?\n:::\n',
      ':::activity{#secret-diary title="Only for you"}\nSECRET-PROMPT-7f3 write about yourself.\n:::\n',
    ].join('\n'),
    'sections/03-c.md': '---\ntitle: C\n---\n\n:::activity{#private-only title="Private"}\nPRIVATE-ONLY-PROMPT think.\n:::\n',
  });

const PROFILE: Readonly<Record<string, string>> = {
  'single-choice': 'cc.multiple_choice.v0p1',
  'multiple-response': 'cc.multiple_response.v0p1',
  'true-false': 'cc.true_false.v0p1',
  'fill-in': 'cc.fib.v0p1',
  numeric: 'cc.fib.v0p1',
};

/** The questions a cartridge grades: in the profile, exact numerics as fill-in; never matching, sequencing or a numeric range. */
const graded = (model: CourseModel, pageId: string) =>
  model.data.questions.filter((question) => question.pageId === pageId && question.type !== 'matching' && question.type !== 'sequencing' && !(question.type === 'numeric' && question.tolerance > 0));

/** Compares what the importer reads with the course, question by question. */
function expectCartridgeMatches(model: CourseModel, entries: readonly OutputFile[]): void {
  const cartridge = readCartridge(entries);
  const items = cartridge.modules.flatMap((module) => module.items);
  // Every page its own item, in course order; the support page first, the glossary last.
  const pageItems = items.filter((item) => item.type === 'webcontent' && /^wiki_content\/\d+-/.test(item.file));
  expect(pageItems.map((item) => item.title)).toEqual(model.data.pages.map((page) => page.title));
  if (model.support) expect(cartridge.modules[0]?.items[0]).toMatchObject({ type: 'webcontent', file: 'wiki_content/support.html' });
  if (model.data.glossary.length > 0) expect(cartridge.modules.at(-1)?.items).toEqual([{ title: 'Glossary', type: 'webcontent', file: 'wiki_content/glossary.html' }]);
  const texts = new Map(entries.map((entry) => [entry.path, decode(entry.contents)]));
  for (const page of model.data.pages) {
    const at = items.findIndex((item) => item.title === page.title && item.type === 'webcontent');
    const next = items[at + 1];
    const questions = graded(model, page.id);
    const shared = model.data.activities.filter((activity) => activity.pageId === page.id && activity.shared && activity.kind === 'reflection');
    if (questions.length + shared.length === 0) {
      expect(next?.type, page.id).not.toBe('imsqti_xmlv1p2/imscc_xmlv1p1/assessment');
      continue;
    }
    // The page's quiz follows it, with its gradable questions in page order, then its shared reflections as essays.
    expect(next?.type).toBe('imsqti_xmlv1p2/imscc_xmlv1p1/assessment');
    const quiz = cartridge.quiz(next?.file ?? '');
    expect(quiz.questions.map((item) => item.ident)).toEqual([...questions.map((question) => `q-${question.id}`), ...shared.map((activity) => `a-${activity.id}`)]);
    for (const [index, question] of questions.entries()) {
      const item = quiz.questions[index] as ReadQuestion;
      expect(item.profile).toBe(PROFILE[question.type]);
      expect(item.points).toBe(question.weight);
      if (question.type === 'single-choice' || question.type === 'multiple-response') {
        expect(item.choices.map((choice) => choice.text.replace(/<[^>]+>/g, ''))).toEqual(question.choices.map((choice) => choice.text));
        expect([...item.correct].sort()).toEqual(question.choices.filter((choice) => choice.correct).map((choice) => choice.id).sort());
      } else if (question.type === 'true-false') {
        expect(item.correct).toEqual([String(question.answer)]);
      } else if (question.type === 'fill-in') {
        expect(item.correct).toEqual(question.answers);
        expect(item.caseSensitive).toBe(question.caseSensitive);
      } else if (question.type === 'numeric') {
        expect(item.correct).toContain(String(question.answer));
      }
      expect(item.prompt.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()).toBe(question.promptText);
    }
    for (const [index] of shared.entries()) {
      const essay = quiz.questions[questions.length + index] as ReadQuestion;
      expect(essay).toMatchObject({ profile: 'cc.essay.v0p1', points: 0, correct: [] });
    }
    // Questions the quiz cannot grade stay on the page as self-checks, with their answer.
    const html = texts.get(items[at]?.file ?? '') ?? '';
    for (const question of model.data.questions.filter((candidate) => candidate.pageId === page.id && !questions.includes(candidate))) {
      expect(html).toMatch(new RegExp(`id="question-${question.id}"[\\s\\S]*?<details>`));
    }
  }
  // Private reflections are never asked in the LMS: their prompts appear in no quiz.
  const quizzes = entries.filter((entry) => entry.path.startsWith('assessments/')).map((entry) => decode(entry.contents)).join('\n');
  for (const activity of model.data.activities.filter((candidate) => !candidate.shared)) {
    expect(quizzes).not.toContain(activity.id);
    expect(quizzes).not.toContain(activity.promptText.slice(0, 20));
  }
}

async function validateAll(entries: readonly OutputFile[]): Promise<string[]> {
  const errors: string[] = [];
  for (const entry of entries) {
    const kind = entry.path === 'imsmanifest.xml' ? 'cc-manifest' : entry.path.startsWith('assessments/') ? 'qti' : entry.path.startsWith('weblinks/') ? 'weblink' : undefined;
    if (kind !== undefined) errors.push(...(await validateCartridgeFile(kind, decode(entry.contents))).map((error) => `${entry.path}: ${error}`));
  }
  return errors;
}

const repo = join(import.meta.dirname, '../../..');
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
let folders: string[] = [];
let sample: { bytes: Uint8Array; name: string; report: string }[] = [];

beforeAll(async () => {
  folders = await Promise.all([0, 1].map(() => mkdtemp(join(tmpdir(), 'coursemark-cc-'))));
  sample = [];
  for (const folder of folders) {
    let report = '';
    const code = await main(['build', join(repo, 'course'), '--out', folder, '--target', 'cc', '--no-cache'], { out: (chunk) => (report += chunk), err: (chunk) => (report += chunk), color: false });
    expect(code, report).toBe(0);
    const name = (await readdir(folder)).find((file) => file.endsWith('.imscc')) ?? '';
    sample.push({ bytes: new Uint8Array(await readFile(join(folder, name))), name, report });
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('the sample course as a Common Cartridge', () => {
  it('is a .imscc, the same bytes build after build, and build warns at each question the quizzes cannot grade', () => {
    expect(sample[0]?.name).toMatch(/-cc\.imscc$/);
    expect(sha256(sample[0]?.bytes ?? new Uint8Array())).toBe(sha256(sample[1]?.bytes ?? new Uint8Array()));
    const warnings = sample[0]?.report.match(/05-knowledge-check\.md:\d+:\d+ +warning .*cc-question-type/g) ?? [];
    expect(warnings).toHaveLength(2);
  });

  it('validates against the CC 1.1 XSDs and passes the package check', { timeout: 60_000 }, async () => {
    const entries = unzip(sample[0]?.bytes ?? new Uint8Array());
    expect(await validateAll(entries)).toEqual([]);
    expect(checkPackage(entries)).toEqual([]);
    // xml:lang on each quiz, and no declaration of the xml prefix, which is bound by definition.
    const quiz = decode(entries.find((entry) => entry.path.startsWith('assessments/'))?.contents ?? new Uint8Array());
    expect(quiz).toContain('xml:lang="en-GB"');
    expect(quiz).not.toContain('xmlns:xml');
  });

  it('imports as the course: pages in order, quizzes with its questions, answers and points', async () => {
    const { checkCourse } = await import('../../../scripts/pipeline.js');
    const { readCourseFolder } = await import('../../../scripts/load/read-course-folder.js');
    const model = checkCourse(await readCourseFolder(join(repo, 'course'))).model;
    if (!model) throw new Error('the sample course has errors');
    expectCartridgeMatches(model, unzip(sample[0]?.bytes ?? new Uint8Array()));
  });
});

describe('a course with every question type as a Common Cartridge', () => {
  const model = everyType();
  const entries = cartridgeEntries(model, fakeWebFiles());

  it('validates against the CC 1.1 XSDs (manifest, quizzes, web links) and passes the package check', { timeout: 60_000 }, async () => {
    expect(entries.some((entry) => entry.path.startsWith('weblinks/'))).toBe(true);
    expect(await validateAll(entries)).toEqual([]);
    expect(checkPackage(entries)).toEqual([]);
  });

  it('imports as the course, private reflections left out', () => {
    expectCartridgeMatches(model, entries);
    const read = readCartridge(entries);
    expect(read.modules[0]?.items.map((item) => [item.type, item.title])).toEqual([
      ['webcontent', 'Help now'],
      ['imswl_xmlv1p1', 'the helpline'],
      ['imswl_xmlv1p1', 'reports'],
    ]);
    const quiz = read.quiz(read.modules[1]?.items.find((item) => item.type.startsWith('imsqti'))?.file ?? '');
    expect(quiz.questions.reduce((sum, item) => sum + item.points, 0)).toBe(1 + 2.5 + 0 + 1 + 1);
    expect(quiz.questions.find((item) => item.ident === 'q-exact')?.correct).toEqual(['42', '42%', '42 %']);
    expect(quiz.questions.find((item) => item.ident === 'q-single')?.feedback).toEqual(['correct_fb', 'general_incorrect_fb', 'a_fb', 'b_fb']);
  });

  it('links pages, media, terms and support as relative files the LMS imports', () => {
    const page = decode(entries.find((entry) => entry.path === 'wiki_content/01-a.html')?.contents ?? new Uint8Array());
    expect(page).toContain('href="02-b.html#more"');
    expect(page).toContain('src="../web_resources/media/assets/x.svg"');
    expect(page).toContain('href="glossary.html#term-sextortion"');
    expect(page).not.toMatch(/<cm-|<script/);
    expect(entries.map((entry) => entry.path)).toContain('web_resources/media/assets/x.svg');
  });

  it('is deterministic', async () => {
    const again = await packageTarget('cc', everyType(), fakeWebFiles());
    const first = await packageTarget('cc', model, fakeWebFiles());
    expect(sha256(again.bytes)).toBe(sha256(first.bytes));
    expect(first.fileName).toBe('test-course-1.0.0-cc.imscc');
  });
});

describe('negative tests', () => {
  const model = everyType();
  const entries = cartridgeEntries(model, fakeWebFiles());
  const manifest = decode(entries.find((entry) => entry.path === 'imsmanifest.xml')?.contents ?? new Uint8Array());
  const quizEntry = entries.find((entry) => entry.path.startsWith('assessments/'));
  const quiz = decode(quizEntry?.contents ?? new Uint8Array());
  const link = decode(entries.find((entry) => entry.path.startsWith('weblinks/'))?.contents ?? new Uint8Array());

  it('the XSDs refuse what the CC profile removed or fixed', { timeout: 60_000 }, async () => {
    expect((await validateCartridgeFile('cc-manifest', manifest.replace('<schemaversion>1.1.0', '<schemaversion>1.2.0'))).join('\n')).toMatch(/schemaversion/);
    expect((await validateCartridgeFile('cc-manifest', manifest.replace('structure="rooted-hierarchy"', 'structure="hierarchical"'))).join('\n')).toMatch(/structure/);
    expect((await validateCartridgeFile('cc-manifest', manifest.replace('type="imswl_xmlv1p1"', 'type="weblink"'))).join('\n')).toMatch(/type/);
    expect((await validateCartridgeFile('cc-manifest', manifest.replace('<item identifier="ITEM-support"', '<item isvisible="true" identifier="ITEM-support"'))).join('\n')).toMatch(/isvisible/);
    expect((await validateCartridgeFile('qti', quiz.replace('rcardinality="Single"', 'rcardinality="Several"'))).join('\n')).toMatch(/rcardinality/);
    expect((await validateCartridgeFile('qti', quiz.replace('varname="SCORE" vartype', 'varname="POINTS" vartype'))).join('\n')).toMatch(/varname/);
    expect((await validateCartridgeFile('weblink', link.replace(/<url[^>]*\/>/, ''))).join('\n')).toMatch(/url/);
  });

  it('the package check finds missing and unlisted files, broken quizzes and a DOCTYPE', () => {
    const replaced = (path: string, value: string): OutputFile[] => entries.map((entry) => (entry.path === path ? { path, contents: text(value) } : entry));
    const codes = (list: readonly OutputFile[]): string[] => checkPackage(list).map((finding) => finding.slice(0, finding.indexOf(':')));
    expect(codes(entries.filter((entry) => entry.path !== 'wiki_content/03-c.html'))).toEqual(['cc-file-missing', 'cc-file-missing']);
    expect(codes([...entries, { path: 'wiki_content/extra.html', contents: text('<p>x</p>') }])).toEqual(['cc-file-unlisted']);
    expect(codes(replaced(quizEntry?.path ?? '', quiz.replace('<varequal respident="response1">b</varequal>', '<varequal respident="response1">z</varequal>')))).toEqual(['cc-qti']);
    expect(codes(replaced(quizEntry?.path ?? '', quiz.replace('<fieldentry>cc.true_false.v0p1', '<fieldentry>cc.matching.v0p1')))).toEqual(['cc-qti']);
    expect(codes(replaced(quizEntry?.path ?? '', quiz.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY a "b">]>')))).toEqual(['xml-doctype']);
    expect(codes(replaced('imsmanifest.xml', manifest.replace('identifierref="RES-glossary"', 'identifierref="RES-nowhere"')))).toEqual(['cc-identifierref-missing']);
  });
});

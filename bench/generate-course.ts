import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mulberry32 as prng } from '../components/hash.js';

/**
 * A seeded generator of synthetic courses for the benchmark: N sections of about 10 KB each, using
 * every directive and question type, with a few shared SVG images. The same seed and size always
 * give the same files.
 */
export interface GeneratorOptions {
  readonly sections: number;
  readonly seed: number;
  /** Include figures and images (default true); `false` gives a text-only course. */
  readonly images?: boolean;
}

const WORDS = (
  'learner image consent privacy share device account threat support report platform evidence trust harm ' +
  'victim responsibility online message photo friend partner school police helpline blame safety respect ' +
  'digital abuse context choice record help person course section example question answer reflection'
).split(' ');

export async function generateCourse(folder: string, options: GeneratorOptions): Promise<void> {
  const random = prng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = (words: number): string => {
    const text = Array.from({ length: words }, () => pick(WORDS)).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (): string => Array.from({ length: 7 + Math.floor(random() * 4) }, () => sentence(10 + Math.floor(random() * 8))).join(' ');
  const images = options.images !== false;

  await rm(folder, { recursive: true, force: true });
  await mkdir(join(folder, 'sections'), { recursive: true });
  await mkdir(join(folder, 'assets'), { recursive: true });
  await writeFile(
    join(folder, 'course.yaml'),
    `id: https://bench.coursemark.dev/courses/synthetic-${options.sections}\ntitle: Synthetic course with ${options.sections} sections\nlanguage: en\nversion: "1.0.0"\nmastery: 0.7\n`,
  );
  await writeFile(join(folder, 'glossary.yaml'), ['consent', 'evidence', 'helpline'].map((term) => `- term: ${term}\n  definition: ${sentence(12)}\n`).join(''));
  if (images) {
    for (let index = 0; index < 5; index += 1) {
      await writeFile(join(folder, 'assets', `figure-${index}.svg`), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200" role="img"><title>Figure ${index}</title><rect width="400" height="200" fill="#e8eef7"/><circle cx="${80 + index * 60}" cy="100" r="40" fill="#4b2176"/></svg>\n`);
    }
  }
  const width = String(options.sections).length;
  for (let index = 1; index <= options.sections; index += 1) {
    const id = `s${String(index).padStart(width, '0')}`;
    const parts: string[] = [`---\ntitle: Section ${index} ${pick(WORDS)}\nobjectives:\n  - ${sentence(8)}\nduration: 5\n---\n`];
    if (index === 1) parts.push(':::content-warning\nThis synthetic section mentions sensitive topics.\n:::\n', ':::support{title="Help and support"}\nTalk to someone you trust.\n:::\n');
    parts.push(`## ${sentence(3).slice(0, -1)}\n`, paragraph(), paragraph(), `- ${sentence(6)}\n- ${sentence(6)}\n- ${sentence(6)}\n`);
    parts.push(`| term | meaning |\n| --- | --- |\n| ${pick(WORDS)} | ${sentence(6)} |\n| ${pick(WORDS)} | ${sentence(6)} |\n`);
    parts.push(`## ${sentence(3).slice(0, -1)}\n`, paragraph(), `Remember what :term[consent] means here. ${paragraph()}`, paragraph());
    if (images) parts.push(`::figure[${sentence(8)}]{src="../assets/figure-${index % 5}.svg" alt="A purple circle on a pale background"}\n`);
    parts.push(`:::note{title="Note"}\n${paragraph()}\n:::\n`, paragraph(), paragraph());
    if (index % 7 === 0) parts.push(`:::case-study{title="Case ${index}"}\n${paragraph()}\n:::\n`);
    if (index === 1) parts.push(...everyQuestion(id), `:::activity{#${id}-reflect title="Reflect"}\n${sentence(12)}\n\n::discussion\n\n${paragraph()}\n:::\n`);
    else if (index % 20 === 0) parts.push(singleChoice(`${id}-q`, sentence(10)));
    parts.push(paragraph());
    await writeFile(join(folder, 'sections', `${id}-section.md`), `${parts.join('\n')}\n`);
  }
}

function singleChoice(id: string, prompt: string): string {
  return `:::question{#${id} type=single-choice}\n${prompt}\n\n- [ ] Wrong :feedback[Not this one.]\n- [x] Right\n- [ ] Also wrong\n::correct[Well reasoned.]\n::incorrect[Look again.]\n:::\n`;
}

function everyQuestion(id: string): string[] {
  return [
    singleChoice(`${id}-single`, 'Pick the right one.'),
    `:::question{#${id}-multiple type=multiple-response weight=2}\nPick all that apply.\n\n- [x] One\n- [x] Two\n- [ ] Three\n:::\n`,
    `:::question{#${id}-tf type=true-false answer=true}\nIs this true?\n:::\n`,
    `:::question{#${id}-fill type=fill-in}\nName the term.\n\n- consent\n:::\n`,
    `:::question{#${id}-number type=numeric answer=2017 tolerance=1}\nWhich year?\n:::\n`,
    `:::question{#${id}-match type=matching}\nMatch them.\n\n- A -> one\n- B -> two\n- C -> three\n:::\n`,
    `:::question{#${id}-order type=sequencing}\nPut them in order.\n\n1. First\n2. Second\n3. Third\n:::\n`,
  ];
}

/** A course of one page of about `kib` KiB of ordinary Markdown, for the parser's scaling. */
export async function generateLargePage(folder: string, kib: number, seed: number): Promise<void> {
  await generateCourse(folder, { sections: 1, seed, images: false });
  const random = prng(seed);
  const line = (): string => Array.from({ length: 14 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const blocks: string[] = ['---\ntitle: One large page\n---\n'];
  let size = 0;
  for (let index = 0; size < kib * 1024; index += 1) {
    const block = index % 6 === 0 ? `## Part ${index}\n` : index % 6 === 3 ? `- ${line()}\n- *${line()}*\n- [${line()}](https://example.org/${index})\n` : `${line()} **${line()}** ${line()}.\n`;
    blocks.push(block);
    size += block.length + 1;
  }
  await writeFile(join(folder, 'sections', 's1-section.md'), blocks.join('\n'));
}

/**
 * A course written by the tests (not the sample course): two parts, a reading part with a private
 * and a shared activity, and a check part with three questions on two pages. Built with the CLI
 * as an author would, then unzipped as an LMS would.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { unzip } from '../../unit/package/package-helpers.js';

const repo = join(import.meta.dirname, '../../..');

export const LAB_COURSE: Readonly<Record<string, string>> = {
  'course.yaml': `id: https://example.org/courses/lab-safety
title: Lab safety basics
language: en
version: "1.0.0"
mastery: 0.5
parts:
  - title: Learn
    id: learn
    pages: [welcome, hazards]
  - title: Check
    id: check
    pages: [quiz-one, quiz-two]
`,
  'sections/01-welcome.md': '---\ntitle: Welcome\n---\n\nThis short course covers the basics of working safely in a teaching laboratory.\n',
  'sections/02-hazards.md': `---
title: Hazards
---

Most accidents in teaching laboratories come from a few familiar hazards: spills, heat and sharp glass.
The [first quiz](03-quiz-one.md) checks what you remember.

:::activity{#notes title="Notes to yourself"}
What worries you most about working in a laboratory?
:::

:::activity{#lab-plan title="Your plan" shared}
What will you check before you start an experiment?
:::
`,
  'sections/03-quiz-one.md': `---
title: Quiz one
---

:::question{#first-step type=single-choice}
What do you do first after a spill?
- [ ] Carry on working
- [x] Tell the person in charge
:::

:::question{#goggles type=true-false answer=true}
Safety goggles stay on until you leave the laboratory.
:::
`,
  'sections/04-quiz-two.md': `---
title: Quiz two
---

:::question{#sink type=fill-in}
Where do you rinse a splash on your skin first? One word.
- sink
:::
`,
};

/** Writes `files` as a course folder in `folder`. */
export async function writeCourse(folder: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), text);
  }
}

/** `coursemark build <course> --out <out> ...args` through the CLI; rejects when it fails. */
export async function buildWithCli(course: string, out: string, ...args: string[]): Promise<void> {
  await promisify(execFile)(process.execPath, [join(repo, 'bin/coursemark.js'), 'build', course, '--out', out, '--no-cache', ...args]);
}

/** Unzips a built package into `folder`. */
export async function unzipInto(zipPath: string, folder: string): Promise<void> {
  for (const entry of unzip(new Uint8Array(await readFile(zipPath)))) {
    const path = join(folder, ...entry.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, entry.contents);
  }
}

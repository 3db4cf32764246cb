import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { componentsDir } from '../../scripts/bundle/bundle-course.js';
import { pageSpecifier } from '../../scripts/bundle/course-plugin.js';
import { readCourseFolder } from '../../scripts/load/read-course-folder.js';
import { checkCourse, checkCourseAsync } from '../../scripts/pipeline.js';
import { loadPreviewCourse, PreviewCaches, type PreviewCourse } from '../../scripts/preview/preview-course.js';
import { renderModules } from '../../scripts/render/render-modules.js';

// The preview keeps analysed sections and rendered pages between edits. What it serves after an edit
// must be what a fresh load gives, and only the pages whose inputs changed are rendered again.
let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'coursemark-preview-caches-'));
  await cp(join(import.meta.dirname, '../../course'), folder, { recursive: true });
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const options = { componentsImport: componentsDir.replace(/\/$/, ''), pageSpecifier, footnoteLabel: 'Notes' };
const modulesOf = (course: PreviewCourse) => (course.ok ? course.modules : undefined);

/** The ids of the pages the caches render (rather than reuse) for the course as it is on disk now, as the preview does. */
async function renderedPages(caches: PreviewCaches): Promise<string[]> {
  const { model } = await checkCourseAsync(await readCourseFolder(folder), { scorm12: false, cache: caches.sections });
  await caches.sections.save();
  if (!model) throw new Error('the course has errors');
  const rendered: string[] = [];
  const hook = caches.pages.forModel(model, options);
  renderModules(model, {
    ...options,
    renderPage: (page, render) =>
      hook(page, () => {
        rendered.push(page.info.id);
        return render();
      }),
  });
  return rendered;
}

it('serves after an edit exactly what a fresh load gives', async () => {
  const caches = await PreviewCaches.create();
  await loadPreviewCourse(folder, folder, caches);
  const page = join(folder, 'sections', '03-sexting.md');
  await writeFile(page, (await readFile(page, 'utf8')).replace('## ', '## Edited: '));
  const updated = await loadPreviewCourse(folder, folder, caches);
  expect(updated.report).toBe('');
  expect(modulesOf(updated)).toEqual(modulesOf(await loadPreviewCourse(folder, folder)));
  const fresh = checkCourse(await readCourseFolder(folder));
  if (!fresh.model) throw new Error('the sample course has errors');
  expect(modulesOf(updated)?.pages).toEqual(renderModules(fresh.model, options).pages);
});

it('renders again only the edited page, and the pages whose links, questions or activities changed', async () => {
  const caches = await PreviewCaches.create();
  expect((await renderedPages(caches)).length).toBe(7);
  expect(await renderedPages(caches)).toEqual([]);

  const sexting = join(folder, 'sections', '03-sexting.md');
  await writeFile(sexting, (await readFile(sexting, 'utf8')).replace('## ', '## Edited: '));
  expect(await renderedPages(caches)).toEqual(['sexting']);

  // A page's id is in the links to it: the pages linking to it are rendered again too.
  await writeFile(sexting, (await readFile(sexting, 'utf8')).replace('title:', 'id: renamed\ntitle:'));
  expect((await renderedPages(caches)).sort()).toEqual(['image-based-sexual-abuse', 'photo-hacking', 'reflection', 'renamed', 'summary-and-references']);

  // The course id is in every question's IRI: the pages with questions are rendered again.
  const config = join(folder, 'course.yaml');
  await writeFile(config, (await readFile(config, 'utf8')).replace(/^id: (.*)$/m, 'id: $1-2'));
  expect((await renderedPages(caches)).sort()).toEqual(['knowledge-check', 'photo-hacking', 'reflection', 'renamed']);
});

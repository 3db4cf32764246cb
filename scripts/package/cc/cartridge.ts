import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { OutputFile } from '../../bundle/bundle-course.js';
import type { CourseModel, PageModel } from '../../model/course-model.js';
import { readerOf } from '../../questions/registry.js';
import { interfaceTable } from '../../render/message-modules.js';
import { courseDescription } from '../manifest-common.js';
import { comparePaths } from '../package-files.js';
import { toXmlId } from '../xml-id.js';
import { cartridgePages, FILES_FOLDER, STYLESHEET, stylesheetText, type CartridgePage } from './cartridge-pages.js';
import { ASSESSMENT_TYPE, WEBLINK_TYPE, writeCcManifest, writeWebLink, type CcItem, type CcManifest, type CcResource } from './cc-manifest.js';
import { writeQtiAssessment, type QtiAssessment, type QtiItem } from './qti-assessment.js';
import { isInProfile } from './qti-question.js';
import { rebase } from './static-html.js';

/**
 * A Common Cartridge 1.1 of the course (docs/authoring.md, "Canvas, Blackboard, Brightspace"):
 * - every page as a static HTML page under wiki_content/, its own item, in course order, in one
 *   module per part (one module for the course without parts);
 * - after each page with questions the cartridge can grade (or shared reflections), that page's quiz
 *   (QTI 1.2.1, CC profile) with points from the questions' weights and their feedback;
 * - a first module with the help-and-support page and its web links, a last one with the glossary;
 * - the course's images, sounds, videos and captions once, under web_resources/.
 * Private reflections are never asked in a quiz; questions the profile cannot grade stay on their
 * page as self-checks (build warns, cc-question-type).
 */

export const CC_MANIFEST = 'imsmanifest.xml';
export const QUIZ_FOLDER = 'assessments/';
export const LINK_FOLDER = 'weblinks/';

const encoder = new TextEncoder();
const file = (path: string, text: string): OutputFile => ({ path, contents: encoder.encode(text) });
const fragment = (nodes: readonly ElementContent[], resolve: (url: string) => string | undefined): string =>
  toHtml(rebase(nodes, resolve)).trim();

/** The quiz of one page: its gradable questions, then its shared reflections as essays. */
function pageQuiz(page: CartridgePage, title: string, ident: string, lang: string, resolve: (url: string) => string | undefined): QtiAssessment | undefined {
  const items: QtiItem[] = [];
  for (const { data, html } of page.questions) {
    const body = readerOf(data.type).cartridge(data);
    if (!isInProfile(body)) continue;
    const choiceHtml = Object.fromEntries(Object.entries(html.choices).map(([id, nodes]) => [id, fragment(nodes, resolve)]));
    const choices = Object.fromEntries(Object.entries(html.choiceFeedback).map(([id, nodes]) => [id, fragment(nodes, resolve)]));
    items.push({
      ident: toXmlId(data.id, 'q-'),
      title: data.promptText.slice(0, 100) || data.id,
      points: data.weight,
      prompt: fragment(html.prompt, resolve),
      body,
      choiceHtml,
      feedback: {
        ...(html.correct === undefined ? {} : { correct: fragment(html.correct, resolve) }),
        ...(html.incorrect === undefined ? {} : { incorrect: fragment(html.incorrect, resolve) }),
        choices,
      },
    });
  }
  for (const { data, html } of page.activities) {
    // Only shared reflections reach here (static-html.ts): their text is meant for the tutor.
    if (!data.shared || data.kind !== 'reflection') continue;
    items.push({ ident: toXmlId(data.id, 'a-'), title: data.title, points: 0, prompt: fragment(html.prompt, resolve), body: { profile: 'cc.essay.v0p1' }, choiceHtml: {}, feedback: { choices: {} } });
  }
  return items.length === 0 ? undefined : { ident, title, lang, items };
}

/** Every file of the cartridge, the manifest included, sorted by path. */
export function cartridgeEntries(model: CourseModel, webFiles: readonly OutputFile[]): OutputFile[] {
  const built = cartridgePages(model);
  const table = interfaceTable(model.data.language, model.config.strings);
  const label = (key: string): string => (typeof table[key] === 'string' ? (table[key] as string) : key);
  const trueFalse = { true: label('trueLabel'), false: label('falseLabel') };
  const base = toXmlId(model.data.id);
  const entries: OutputFile[] = [];
  const resources: CcResource[] = [];

  // The course's media, once, as one resource every page and quiz depends on.
  const media = webFiles.filter((entry) => entry.path.startsWith('media/')).map((entry) => ({ path: `${FILES_FOLDER}${entry.path}`, contents: entry.contents }));
  entries.push(...media, file(STYLESHEET, stylesheetText()));
  const filesId = 'RES-files';
  resources.push({ identifier: filesId, type: 'webcontent', files: [...media.map((entry) => entry.path), STYLESHEET].sort(comparePaths), dependencies: [] });

  const webPage = (page: CartridgePage, id: string): CcItem => {
    entries.push(file(page.path, page.html));
    resources.push({ identifier: `RES-${id}`, type: 'webcontent', href: page.path, files: [page.path], dependencies: [filesId] });
    return { identifier: `ITEM-${id}`, identifierref: `RES-${id}`, title: page.title, items: [] };
  };

  const pageItems = (page: CartridgePage, source: PageModel): CcItem[] => {
    const id = toXmlId(page.path.replace(/^.*\//, '').replace(/\.html$/, ''), 'page-');
    const items = [webPage(page, id)];
    const quizId = `quiz-${id.replace(/^page-/, '')}`;
    const path = `${QUIZ_FOLDER}${quizId}.xml`;
    const title = built.quizTitle(source);
    const quiz = pageQuiz(page, title, quizId, source.info.lang ?? model.data.language, built.resolver(QUIZ_FOLDER));
    if (quiz !== undefined) {
      entries.push(file(path, writeQtiAssessment(quiz, trueFalse)));
      resources.push({ identifier: `RES-${quizId}`, type: ASSESSMENT_TYPE, files: [path], dependencies: [filesId] });
      items.push({ identifier: `ITEM-${quizId}`, identifierref: `RES-${quizId}`, title, items: [] });
    }
    return items;
  };
  const itemsOf = (page: CartridgePage): CcItem[] => (page.page === undefined ? [] : pageItems(page, page.page));

  const modules: CcItem[] = [];
  // Help first: on a sensitive subject, learners should find it before the content (guide: support resources).
  if (built.support !== undefined) {
    const links = built.supportLinks.map((link, index): CcItem => {
      const id = `link-${String(index + 1).padStart(2, '0')}`;
      const path = `${LINK_FOLDER}${id}.xml`;
      entries.push(file(path, writeWebLink(link.title, link.href)));
      resources.push({ identifier: `RES-${id}`, type: WEBLINK_TYPE, files: [path], dependencies: [] });
      return { identifier: `ITEM-${id}`, identifierref: `RES-${id}`, title: link.title, items: [] };
    });
    modules.push({ identifier: 'MODULE-support', title: built.support.title, items: [webPage(built.support, 'support'), ...links] });
  }
  const byId = new Map(built.pages.map((page) => [page.page?.info.id ?? '', page]));
  if (model.data.parts.length > 0) {
    for (const [index, part] of model.data.parts.entries()) {
      const pages = part.pages.flatMap((id) => {
        const page = byId.get(id);
        return page === undefined ? [] : [page];
      });
      modules.push({ identifier: toXmlId(`${String(index + 1).padStart(2, '0')}-${part.id}`, 'MODULE-'), title: part.title, items: pages.flatMap(itemsOf) });
    }
  } else {
    modules.push({ identifier: 'MODULE-course', title: model.data.title, items: built.pages.flatMap(itemsOf) });
  }
  if (built.glossary !== undefined) modules.push({ identifier: 'MODULE-glossary', title: built.glossary.title, items: [webPage(built.glossary, 'glossary')] });

  const manifest: CcManifest = {
    identifier: `MANIFEST-${base}`,
    lom: { title: model.data.title, language: model.data.language, description: courseDescription(model) },
    organization: { identifier: `ORG-${base}`, root: `ROOT-${base}`, items: modules },
    resources,
  };
  entries.push(file(CC_MANIFEST, writeCcManifest(manifest)));
  return entries.sort((a, b) => comparePaths(a.path, b.path));
}

import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot } from 'mdast';
import type { ActivityData, QuestionData } from '../../../components/course-data.js';
import type { CourseModel, PageModel } from '../../model/course-model.js';
import { element } from '../../render/hast-parts.js';
import { buildMessage, interfaceTable } from '../../render/message-modules.js';
import { renderContexts } from '../../render/render-modules.js';
import { sectionToHast } from '../../render/section-to-hast.js';
import { isInProfile } from './qti-question.js';
import { readerOf } from '../../questions/registry.js';
import { rebase, relativeUrl, staticPage, type ActivityHtml, type QuestionHtml, type StaticStrings } from './static-html.js';

/**
 * The course's pages as static HTML files for a Common Cartridge, one per page in course order,
 * plus the glossary and the help-and-support page. Canvas turns the HTML files under wiki_content/
 * into its own pages, and course files under web_resources/ into its Files (docs/lms-guide.md).
 */

export const PAGES_FOLDER = 'wiki_content/';
export const FILES_FOLDER = 'web_resources/';
export const STYLESHEET = `${FILES_FOLDER}course.css`;

export interface CartridgePage {
  readonly path: string;
  readonly title: string;
  readonly html: string;
  /** The page's source, for the quiz and its messages; undefined for the glossary and support pages. */
  readonly page?: PageModel;
  readonly questions: readonly { readonly data: QuestionData; readonly html: QuestionHtml }[];
  readonly activities: readonly { readonly data: ActivityData; readonly html: ActivityHtml }[];
}

export interface CartridgePages {
  readonly pages: readonly CartridgePage[];
  readonly glossary: CartridgePage | undefined;
  readonly support: CartridgePage | undefined;
  /** Web addresses the help-and-support content links to (helplines, reporting forms), in order, each once. */
  readonly supportLinks: readonly { readonly title: string; readonly href: string }[];
  /** The title of a page's quiz. */
  readonly quizTitle: (page: PageModel) => string;
  /** Resolves a package URL for a file in `folder` (used for HTML inside QTI files too). */
  readonly resolver: (folder: string) => (url: string) => string | undefined;
}

/** An ASCII file name part from a page id (ids may hold any letter). */
const fileSlug = (id: string): string =>
  id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'page';

/** `wiki_content/01-introduction.html`: numbered, so names are unique and sort in course order. */
export const pageFile = (page: PageModel, count: number): string =>
  `${PAGES_FOLDER}${String(page.info.index + 1).padStart(String(count).length < 2 ? 2 : String(count).length, '0')}-${fileSlug(page.info.id)}.html`;

const CSS = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:44rem;margin:0 auto;padding:1rem}
img,video{max-width:100%;height:auto}
aside,section.question,section.activity{border-inline-start:4px solid #888;padding:.25rem 1rem;margin:1rem 0}
.in-quiz,.private{font-style:italic}
`;

export function cartridgePages(model: CourseModel): CartridgePages {
  const table = interfaceTable(model.data.language, model.config.strings);
  const message = (key: string): string => {
    const value = table[key];
    return typeof value === 'string' ? value : '';
  };
  const strings: StaticStrings = {
    inQuiz: (quiz) => buildMessage(table, 'cartridgeInQuiz').replace('{quiz}', quiz),
    showAnswer: buildMessage(table, 'cartridgeShowAnswer'),
    notCollected: buildMessage(table, 'cartridgeNotCollected'),
    showDiscussion: message('showDiscussion'),
    contentWarning: message('contentWarning'),
    helpAndSupport: model.data.supportTitle ?? message('helpAndSupport'),
    trueLabel: message('trueLabel'),
    falseLabel: message('falseLabel'),
  };
  const quizTitle = (page: PageModel): string => buildMessage(table, 'cartridgeQuiz').replace('{page}', page.info.title);
  const paths = new Map(model.pages.map((page) => [page.info.id, pageFile(page, model.pages.length)]));
  const glossaryPath = model.data.glossary.length > 0 ? `${PAGES_FOLDER}glossary.html` : undefined;
  const supportPath = model.support === undefined ? undefined : `${PAGES_FOLDER}support.html`;

  const resolver = (folder: string) => (url: string): string | undefined => {
    if (url.startsWith('media/')) return relativeUrl(folder, `${FILES_FOLDER}${url}`);
    if (url.startsWith(PAGES_FOLDER)) {
      const [path = '', anchor] = url.split('#');
      return `${relativeUrl(folder, path)}${anchor === undefined ? '' : `#${anchor}`}`;
    }
    const route = /^#\/([^/]+)(?:\/(.+))?$/.exec(url);
    if (route === null) return undefined;
    const target = paths.get(decodeURIComponent(route[1] ?? ''));
    return target === undefined ? undefined : `${relativeUrl(folder, target)}${route[2] === undefined ? '' : `#${route[2]}`}`;
  };

  const context = renderContexts(model, buildMessage(table, 'footnotes'));
  const inProfile = (question: QuestionData): boolean => isInProfile(readerOf(question.type).cartridge(question));
  const document = (path: string, title: string, body: ElementContent[], lang: string, dir: string): string => {
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    const head = element('head', {}, [
      element('meta', { charSet: 'utf-8' }, []),
      element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }, []),
      element('title', {}, [{ type: 'text', value: title }]),
      element('link', { rel: ['stylesheet'], href: relativeUrl(folder, STYLESHEET) }, []),
    ]);
    const main = element('body', {}, [element('h1', {}, [{ type: 'text', value: title }]), ...rebase(body, resolver(folder))]);
    const root: Root = { type: 'root', children: [{ type: 'doctype' }, element('html', { lang, dir }, [head, main])] };
    return `${toHtml(root)}\n`;
  };
  const language = model.data.language;

  const pages = model.pages.map((page): CartridgePage => {
    const path = paths.get(page.info.id) ?? '';
    const rendered = staticPage(sectionToHast(page.section.tree, context(page.section.directives)), { strings, inProfile, quizTitle: quizTitle(page), glossaryPath, supportPath });
    return { path, title: page.info.title, html: document(path, page.info.title, rendered.body, page.info.lang ?? language, page.info.dir ?? model.data.dir), page, questions: rendered.questions, activities: rendered.activities };
  });

  let glossary: CartridgePage | undefined;
  if (glossaryPath !== undefined) {
    const list = element(
      'dl',
      {},
      model.data.glossary.flatMap((entry): Element[] => [element('dt', { id: `term-${entry.id}` }, [{ type: 'text', value: entry.term }]), element('dd', {}, [{ type: 'text', value: entry.definition }])]),
    );
    const title = message('glossary');
    glossary = { path: glossaryPath, title, html: document(glossaryPath, title, [list], language, model.data.dir), questions: [], activities: [] };
  }

  let support: CartridgePage | undefined;
  const supportLinks: { title: string; href: string }[] = [];
  if (supportPath !== undefined && model.support !== undefined) {
    const root: MdastRoot = { type: 'root', children: model.support.node.children };
    const rendered = staticPage(sectionToHast(root, context(model.support.section.directives)), { strings, inProfile, quizTitle: '', glossaryPath, supportPath: undefined });
    support = { path: supportPath, title: strings.helpAndSupport, html: document(supportPath, strings.helpAndSupport, rendered.body, language, model.data.dir), questions: [], activities: [] };
    for (const link of webLinks(rendered.body)) if (!supportLinks.some((known) => known.href === link.href)) supportLinks.push(link);
  }
  return { pages, glossary, support, supportLinks, quizTitle, resolver };
}

const textOf = (node: ElementContent): string => (node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '');

/** Links to web addresses (http, https) in `nodes`, with their text. */
function webLinks(nodes: readonly ElementContent[]): { title: string; href: string }[] {
  return nodes.flatMap((node): { title: string; href: string }[] => {
    if (node.type !== 'element') return [];
    const href = node.properties.href;
    if (node.tagName === 'a' && typeof href === 'string' && /^https?:\/\//i.test(href)) return [{ title: textOf(node).replace(/\s+/g, ' ').trim() || href, href }];
    return webLinks(node.children);
  });
}

/** The stylesheet the static pages link (LMSs that show a page as a file keep it; Canvas's page editor drops it). */
export const stylesheetText = (): string => CSS;

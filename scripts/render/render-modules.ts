import type { Root } from 'mdast';
import { outlineOf } from '../../components/course-outline.js';
import { directiveElementsIn } from '../directives/registry.js';
import type { CourseModel, PageModel } from '../model/course-model.js';
import { litTemplate } from './lit-template.js';
import { interfaceTable, messageModules } from './message-modules.js';
import { sectionToHast, type RenderContext } from './section-to-hast.js';

/** Specifier under which the bundle serves `RenderedModules.support` (scripts/bundle/course-plugin.ts). */
export const SUPPORT_MODULE = 'virtual:coursemark/support';
/** Specifier under which the bundle serves `RenderedModules.details`. */
export const DETAILS_MODULE = 'virtual:coursemark/details';
/** Specifier under which the bundle serves `RenderedModules.messages`. */
export const MESSAGES_MODULE = 'virtual:coursemark/messages';
/** Specifier under which the bundle serves `RenderedModules.viewMessages`. */
export const VIEW_MESSAGES_MODULE = 'virtual:coursemark/view-messages';

/** Generated JavaScript modules for the bundle: one per page, the course, support and messages modules. */
export interface RenderedModules {
  /** Source of `virtual:coursemark/course`: the course outline and the other modules' loaders. */
  readonly course: string;
  /** Source of `virtual:coursemark/details`: the whole course data, loaded as the player starts. */
  readonly details: string;
  /** Source of `virtual:coursemark/support` (the support panel's content, loaded when opened), if the course has one. */
  readonly support: string | undefined;
  /** Source of `virtual:coursemark/messages`: the strings the shell paints with, in the course language. */
  readonly messages: string;
  /** Source of `virtual:coursemark/view-messages`: the other strings pages and views show. */
  readonly viewMessages: string;
  /** Page id -> source of that page's module, in course order. */
  readonly pages: ReadonlyMap<string, string>;
}

export interface RenderOptions {
  /** How page modules import player code: a path or package specifier to components/. */
  readonly componentsImport: string;
  /** Specifier of a page module, as the course module imports it. */
  readonly pageSpecifier: (pageId: string) => string;
  readonly footnoteLabel: string;
  /**
   * Wraps the rendering of each page, so that a caller can reuse the module of an unchanged page
   * (the preview does). A page's module depends on its section, `model.urls` of its links and images,
   * the output paths of its directives' assets, the QuestionData and ActivityData of its ids, and these options.
   */
  readonly renderPage?: (page: PageModel, render: () => string) => string;
}

/** What the renderer needs to draw a section of the model (a page's or the support panel's directives). */
export function renderContexts(model: CourseModel, footnoteLabel: string): (directives: RenderContext['directives']) => RenderContext {
  const sizes = new Map([...model.media.values()].flatMap((file) => (file.size ? [[file.output, file.size] as const] : [])));
  const questions = new Map(model.data.questions.map((question) => [question.id, question]));
  const activities = new Map(model.data.activities.map((activity) => [activity.id, activity]));
  const pools = new Map((model.data.pools ?? []).map((pool) => [pool.id, pool]));
  return (directives) => ({
    directives,
    urls: model.urls,
    assetUrl: (asset) => model.media.get(asset.path)?.output,
    imageSize: (url) => sizes.get(url),
    questions,
    activities,
    pools,
    footnoteLabel,
  });
}

/**
 * Renders every page of the model as a Lit page component module, and the course module that lists
 * them (each page is loaded on demand, so only the visible one is parsed at start-up).
 */
export function renderModules(model: CourseModel, options: RenderOptions): RenderedModules {
  const context = renderContexts(model, options.footnoteLabel);
  const pages = new Map<string, string>();
  for (const page of model.pages) {
    const render = (): string => pageModule(litTemplate(sectionToHast(page.section.tree, context(page.section.directives))), options.componentsImport);
    pages.set(page.info.id, options.renderPage ? options.renderPage(page, render) : render());
  }
  let support: string | undefined;
  if (model.support) {
    const root: Root = { type: 'root', children: model.support.node.children };
    support = supportModule(litTemplate(sectionToHast(root, context(model.support.section.directives))), options.componentsImport);
  }
  const loaders = model.pages.map((page) => `  () => import(${JSON.stringify(options.pageSpecifier(page.info.id))}),`);
  const course = [
    `export const outline = ${JSON.stringify(outlineOf(model.data))};`,
    `export const details = () => import(${JSON.stringify(DETAILS_MODULE)});`,
    `export const support = ${support === undefined ? 'undefined' : `() => import(${JSON.stringify(SUPPORT_MODULE)})`};`,
    `export const pages = [`,
    ...loaders,
    `];`,
    '',
  ].join('\n');
  const strings = messageModules(interfaceTable(model.data.language, model.config.strings), model.data.language, options.componentsImport);
  const details = `export const course = ${JSON.stringify(model.data)};\n`;
  return { course, details, support, messages: strings.shell, viewMessages: strings.views, pages };
}

/** Imports and definitions of the directive elements `template` renders, so its chunk carries them. */
function directiveImports(template: string, componentsImport: string): string[] {
  const elements = directiveElementsIn(template);
  if (elements.length === 0) return [];
  return [
    `import { defineElement } from ${JSON.stringify(`${componentsImport}/define.js`)};`,
    ...elements.map(({ module, className }) => `import { ${className} } from ${JSON.stringify(`${componentsImport}/${module}`)};`),
    ...elements.map(({ tag, className }) => `defineElement(${JSON.stringify(tag)}, ${className});`),
  ];
}

// `renderContent` stays the class's only member: the preview swaps an edited page into a running
// player by moving it onto the class already defined (scripts/preview/preview-frame.js).
function pageModule(template: string, componentsImport: string): string {
  return [
    `import { html } from 'lit';`,
    `import { CoursePage } from ${JSON.stringify(`${componentsImport}/course-page.js`)};`,
    `import { safeUrl } from ${JSON.stringify(`${componentsImport}/url-policy.js`)};`,
    ...directiveImports(template, componentsImport),
    `export default class extends CoursePage {`,
    `  renderContent() {`,
    `    return ${template};`,
    `  }`,
    `}`,
    '',
  ].join('\n');
}

function supportModule(template: string, componentsImport: string): string {
  return [
    `import { html } from 'lit';`,
    `import { safeUrl } from ${JSON.stringify(`${componentsImport}/url-policy.js`)};`,
    ...directiveImports(template, componentsImport),
    `export const content = ${template};`,
    '',
  ].join('\n');
}

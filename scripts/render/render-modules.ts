import type { Root } from 'mdast';
import type { CourseModel } from '../model/course-model.js';
import { litTemplate } from './lit-template.js';
import { sectionToHast, type RenderContext } from './section-to-hast.js';

/** Generated JavaScript modules for the bundle: one per page plus the course module. */
export interface RenderedModules {
  /** Source of `virtual:coursemark/course`. */
  readonly course: string;
  /** Page id -> source of that page's module, in course order. */
  readonly pages: ReadonlyMap<string, string>;
}

export interface RenderOptions {
  /** How page modules import player code: a path or package specifier to components/. */
  readonly componentsImport: string;
  /** Specifier of a page module, as the course module imports it. */
  readonly pageSpecifier: (pageId: string) => string;
  readonly footnoteLabel: string;
}

/**
 * Renders every page of the model as a Lit page component module, and the course module that lists
 * them (each page is loaded on demand, so only the visible one is parsed at start-up).
 */
export function renderModules(model: CourseModel, options: RenderOptions): RenderedModules {
  const context = (directives: RenderContext['directives']): RenderContext => ({
    directives,
    urls: model.urls,
    questions: new Map(model.data.questions.map((question) => [question.id, question])),
    activities: new Map(model.data.activities.map((activity) => [activity.id, activity])),
    footnoteLabel: options.footnoteLabel,
  });
  const pages = new Map<string, string>();
  for (const page of model.pages) {
    const hast = sectionToHast(page.section.tree, context(page.section.directives));
    pages.set(page.info.id, pageModule(litTemplate(hast), options.componentsImport));
  }
  let support = 'undefined';
  if (model.support) {
    const root: Root = { type: 'root', children: model.support.node.children };
    support = litTemplate(sectionToHast(root, context(model.support.section.directives)));
  }
  const loaders = model.pages.map((page) => `  () => import(${JSON.stringify(options.pageSpecifier(page.info.id))}),`);
  const course = [
    `import { html } from 'lit';`,
    `import { safeUrl } from ${JSON.stringify(`${options.componentsImport}/url-policy.js`)};`,
    `export const course = ${JSON.stringify(model.data)};`,
    `export const support = ${support};`,
    `export const pages = [`,
    ...loaders,
    `];`,
    '',
  ].join('\n');
  return { course, pages };
}

function pageModule(template: string, componentsImport: string): string {
  return [
    `import { html } from 'lit';`,
    `import { CoursePage } from ${JSON.stringify(`${componentsImport}/course-page.js`)};`,
    `import { safeUrl } from ${JSON.stringify(`${componentsImport}/url-policy.js`)};`,
    `export default class extends CoursePage {`,
    `  renderContent() {`,
    `    return ${template};`,
    `  }`,
    `}`,
    '',
  ].join('\n');
}

import type { Root } from 'mdast';
import type { Node } from 'unist';
import { directiveAssets } from '../directives/registry.js';
import type { CourseModel, PageModel } from '../model/course-model.js';
import type { RenderOptions } from '../render/render-modules.js';

/**
 * Rendered page modules kept in memory from one preview update to the next. An entry belongs to a
 * section tree (the section cache hands back the same tree while the file is unchanged) and holds
 * everything else the page's rendering reads from the model (URLs of its links and images, output
 * paths of its directives' files, its questions and activities) (see RenderOptions.renderPage): when
 * any of it differs, for example a linked heading was renamed on another page, the page is
 * rendered again. Entries go with their trees, so the cache holds no page that left the course.
 */
export class PageModuleCache {
  private readonly entries = new WeakMap<Root, { readonly inputs: string; readonly source: string }>();

  /** The `renderPage` option of renderModules for one model. */
  forModel(model: CourseModel, options: PageRenderOptions): (page: PageModel, render: () => string) => string {
    const inputsOf = pageInputs(model, options);
    return (page, render) => {
      const inputs = inputsOf(page);
      const known = this.entries.get(page.section.tree);
      if (known?.inputs === inputs) return known.source;
      const source = render();
      this.entries.set(page.section.tree, { inputs, source });
      return source;
    };
  }
}

export type PageRenderOptions = Pick<RenderOptions, 'componentsImport' | 'footnoteLabel'>;

/**
 * What a page's module depends on besides its section, as text: the render options, the URLs of its
 * links and images, the output paths of its directives' files, its questions, activities and pools.
 */
export function pageInputs(model: CourseModel, options: PageRenderOptions): (page: PageModel) => string {
  const questions = new Map(model.data.questions.map((question) => [question.id, question]));
  const activities = new Map(model.data.activities.map((activity) => [activity.id, activity]));
  return (page) => {
    const { section } = page;
    return JSON.stringify([
      options.componentsImport,
      options.footnoteLabel,
      linkedNodes(page).map((node) => model.urls.get(node) ?? null),
      [...section.assetLinks, ...[...section.directives.values()].flatMap((info) => directiveAssets(info).map((asset) => ({ asset })))].map(({ asset }) => model.media.get(asset.path) ?? null),
      section.questions.map((question) => questions.get(question.fields.id) ?? null),
      section.activities.map((activity) => activities.get(activity.id) ?? null),
      (model.data.pools ?? []).filter((pool) => pool.pageId === page.info.id),
    ]);
  };
}

/** The nodes of a page whose URL the model decides: links and images. */
function linkedNodes({ section }: PageModel): Node[] {
  return [...section.pageLinks.map((link) => link.node), ...section.assetLinks.map((link) => link.node)];
}

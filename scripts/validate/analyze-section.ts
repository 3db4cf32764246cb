import GithubSlugger from 'github-slugger';
import type { Heading, Image, Link, Root } from 'mdast';
import type { ContainerDirective, Directives, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
// Brings in the hProperties field on mdast nodes, which the render stage reads.
import type {} from 'mdast-util-to-hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, type Place } from '../diagnostics/report.js';
import type { RuleId } from '../diagnostics/rules.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { ActivityDraft, AssetRef, DeclaredKind, DirectiveInfo, PageLinkRef, QuestionDraft, SectionDraft } from '../model/section-draft.js';
import type { PoolInfo } from '../directives/question-pool.js';
import { descriptorOf, directives, isDirectiveName, type DirectiveName } from '../directives/registry.js';
import { truncate, type AnalysisScope } from '../directives/directive.js';
import { readAttributes, type AttributeValues } from './directive-specs.js';
import { readFrontmatter } from './frontmatter.js';
import { checkDirectiveLines } from './directive-lines.js';
import { inlineReferences, type InlinedReferences } from './inline-references.js';
import { highlightCode } from './highlight-code.js';
import { renderMath } from './math.js';
import { classifyUrl, notAnImage, resolveInCourse, splitRelative } from './url-check.js';

/** Page id from a section file name: `02-sexting.md` -> `sexting`. */
export function pageIdFromFileName(fileName: string): string {
  // Invisible letters (U+3164 HANGUL FILLER, U+034F COMBINING GRAPHEME JOINER, zero-width spaces)
  // would make ids that look alike but differ: they are dropped. NFKC first: "café" typed on Windows (NFC), saved by macOS (NFD) or in full-width letters is one
  // id, so two such files are reported as duplicates instead of becoming look-alike pages.
  const stem = fileName.normalize('NFKC').replace(/\p{Default_Ignorable_Code_Point}/gu, '').replace(/\.md$/i, '').replace(/^\d+[-_. ]*/, '');
  return new GithubSlugger().slug(stem) || 'page';
}

/**
 * Validates one parsed section and collects what the course model needs. All problems become
 * messages on `section.file`; returns undefined only when the page cannot be built at all
 * (no usable frontmatter). `file.path` is the section's path inside the course folder.
 */
export function analyzeSection(tree: Root, file: VFile): SectionDraft {
  const read = readFrontmatter(tree, file);
  const filePath = file.path.replace(/\\/g, '/');
  const fileName = filePath.split('/').pop() ?? filePath;
  checkDirectiveLines(tree, file);
  const collected = new Collector(file, filePath, inlineReferences(tree));
  collected.walk(tree);
  // Without usable frontmatter (an error is reported) the page still takes part in the checks
  // across files, so that one run lists every problem: links to it resolve, its images are looked for.
  const frontmatter = read ?? { title: fileName, objectives: [] };
  return {
    file,
    fileName,
    frontmatter,
    // Such a page's id is unknown (it may be in the broken frontmatter): one that no other page has.
    pageId: read === undefined ? `\u0000${fileName}` : (frontmatter.id ?? pageIdFromFileName(fileName)),
    tree,
    directives: collected.directives,
    questions: collected.questions,
    activities: collected.activities,
    pools: collected.pools,
    headings: collected.headings,
    pageLinks: collected.pageLinks,
    assetLinks: collected.assetLinks,
    terms: collected.terms,
    support: collected.support,
    declaredIds: collected.declaredIds,
    idPlace: frontmatter.idPlace ?? tree.children[0]?.position,
  };
}

class Collector {
  readonly directives = new Map<Directives, DirectiveInfo>();
  readonly questions: QuestionDraft[] = [];
  readonly activities: ActivityDraft[] = [];
  readonly pools: PoolInfo[] = [];
  readonly headings: { id: string; text: string; depth: number; node: Heading }[] = [];
  readonly pageLinks: PageLinkRef[] = [];
  readonly assetLinks: { node: Link | Image; asset: AssetRef }[] = [];
  readonly terms: { node: TextDirective; id: string }[] = [];
  readonly declaredIds: { kind: DeclaredKind; id: string; position: Directives['position'] }[] = [];
  support: ContainerDirective | undefined;
  private readonly slugger = new GithubSlugger();
  /** Problems already reported at a place (a definition shared by several references is reported once). */
  private readonly reportedAt = new Set<string>();

  constructor(
    private readonly file: VFile,
    private readonly filePath: string,
    private readonly references: InlinedReferences,
  ) {}

  private reportOnce(ruleId: RuleId, reason: string, place: Place | undefined): void {
    const key = `${ruleId} ${place && 'start' in place ? place.start.offset : place && 'offset' in place ? place.offset : ''}`;
    if (this.reportedAt.has(key)) return;
    this.reportedAt.add(key);
    report(this.file, ruleId, reason, place);
  }

  walk(tree: Root): void {
    visit(tree, (node, index, parent) => {
      switch (node.type) {
        case 'code':
          highlightCode(node);
          return undefined;
        case 'math':
        case 'inlineMath':
          // Prose such as "$5 and $10" stays text (math.ts); a formula gets its MathML.
          if (!renderMath(node, this.file) && parent && index !== undefined) {
            parent.children.splice(index, 1, { type: 'text', value: sourceText(node, this.file), ...(node.position ? { position: node.position } : {}) } as never);
          }
          return SKIP;
        case 'html':
          report(this.file, 'raw-html', 'Raw HTML is not allowed in a page: it could break the player or run code inside the LMS. Use Markdown or a directive (such as :::note for a box) instead.', node.position);
          return SKIP;
        case 'heading':
          this.heading(node);
          return undefined;
        case 'link':
        case 'image':
          this.url(node, node.url, this.references.addressPlaces.get(node) ?? node.position);
          return undefined;
        case 'definition':
          // A definition in use is checked where it is used (as an image or as a link).
          if (!this.references.usedDefinitions.has(node)) this.url(node, node.url, node.position);
          return undefined;
        case 'containerDirective':
        case 'leafDirective':
        case 'textDirective':
          return this.directive(node, parent?.type === 'root' || parent?.type === 'containerDirective' ? parent : undefined);
        default:
          return undefined;
      }
    });
  }

  private heading(node: Heading): void {
    if (node.depth === 1) {
      report(this.file, 'heading-level', 'The page title (frontmatter "title") is already the main heading; start headings inside the page at "##".', node.position);
      node.depth = 2;
    }
    const text = toString(node);
    const id = this.slugger.slug(text);
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    this.headings.push({ id, text, depth: node.depth, node });
  }

  private url(node: Link | Image | { type: 'definition'; position?: Link['position'] }, url: string, place: Link['position']): void {
    const kind = classifyUrl(url);
    const isImage = node.type === 'image';
    if (kind === 'unsafe') {
      this.reportOnce('unsafe-url', `The address "${truncate(url)}" is refused: only https:, http:, mailto: and tel: addresses and paths inside the course folder are allowed.`, place);
      return;
    }
    if (kind === 'web' && URL.canParse(url)) {
      const parsed = new URL(url);
      if (parsed.username !== '' || parsed.password !== '') {
        const shown = `${parsed.protocol}//${parsed.username === '' ? '' : `${decodeURIComponent(parsed.username)}`}${parsed.password === '' ? '' : ':•••'}@${parsed.host}${parsed.pathname === '/' ? '/' : '/...'}`;
        report(this.file, 'url-credentials', `The address "${truncate(shown)}" carries a user name or password: every learner could read it in the package. Remove it from the address (the site should ask learners to sign in), or link to a page that needs none.`, node.position);
        return;
      }
    }
    if (isImage && kind !== 'relative') {
      this.reportOnce('unsafe-url', `Images must be files inside the course folder (such as ../assets/image.svg), so the package works offline and inside the LMS; "${truncate(url)}" is ${kind === 'anchor' ? 'a heading link' : 'on the web'}. Download the image into the course folder.`, place);
      return;
    }
    if (isImage && (node as Image).alt?.trim() === '') {
      report(this.file, 'figure-alt', 'This image has no alternative text: describe it between the brackets, ![like this](../assets/image.svg).', node.position);
    }
    if (node.type === 'definition') return;
    if (kind === 'anchor') {
      this.pageLinks.push({ node: node as Link, place, fileName: undefined, anchor: url.slice(1) });
      return;
    }
    if (kind !== 'relative') return;
    const { path, anchor } = splitRelative(url);
    if (!isImage && /\.md$/i.test(path)) {
      this.markdownLink(node as Link, path, anchor, place);
      return;
    }
    const asset = this.asset(path, place);
    if (!asset) return;
    const problem = isImage ? notAnImage(path) : undefined;
    if (problem !== undefined) {
      this.reportOnce('image-type', `"${truncate(path)}" is ${problem}: a browser cannot show it as an image. Use a PNG, JPEG, GIF, SVG, WebP or AVIF image, or link to the file instead: [Open it](${truncate(path)}).`, place);
      return;
    }
    this.assetLinks.push({ node: node as Link | Image, asset });
  }

  /**
   * A link to a Markdown file is a link to a page: `02-b.md`, `./02-b.md` or `../sections/02-b.md`
   * from a page. Markdown files are never copied into a package (a page's source can hold its answer key).
   */
  private markdownLink(node: Link, path: string, anchor: string | undefined, place: Link['position']): void {
    const resolved = resolveInCourse(this.filePath, path);
    const page = resolved === undefined ? undefined : /^sections\/([^/]+\.md)$/i.exec(resolved)?.[1];
    if (page !== undefined) {
      this.pageLinks.push({ node, place, fileName: page, anchor });
      return;
    }
    if (resolved === undefined) {
      this.reportOnce('path-escape', `The path "${truncate(path)}" leads outside the course folder.`, place);
      return;
    }
    this.reportOnce('broken-link', `"${truncate(path)}" is a Markdown file but not a page of the course (pages are the .md files in sections/). Markdown files are never put in a package: link to a page, or make this file a page.`, place);
  }

  private asset(path: string, position: AssetRef['position']): AssetRef | undefined {
    const resolved = resolveInCourse(this.filePath, path);
    if (resolved === undefined) {
      this.reportOnce('path-escape', `The path "${truncate(path)}" leads outside the course folder. Copy the file into the course (for example into assets/) and refer to it from there.`, position);
      return undefined;
    }
    return { path: resolved, position };
  }

  private directive(node: Directives, parent: Root | ContainerDirective | undefined): typeof SKIP | undefined {
    if (this.directives.has(node)) return undefined;
    if (!isDirectiveName(node.name)) {
      if (node.type === 'textDirective') {
        const literal = proseColon(node, String(this.file.value));
        if (literal) {
          this.directives.set(node, literal);
          return undefined;
        }
      }
      const colons = node.type === 'containerDirective' ? ':::' : node.type === 'leafDirective' ? '::' : ':';
      const known = Object.keys(directives);
      const suggestion = didYouMean(node.name, known, (name) => `"${colons}${name}"`);
      report(this.file, 'unknown-directive', `Unknown directive "${colons}${node.name}".${suggestion || ` Known directives: ${known.join(', ')}.`} If the colon is meant as text, write "\\:" instead of ":".`, node.position);
      this.directives.set(node, { kind: 'omit' });
      return SKIP;
    }
    const spec = descriptorOf(node.name).spec;
    if (spec.kind !== node.type) {
      report(this.file, 'directive-misplaced', `"${node.name}" is written ${spec.example.split(/[[{]/)[0] ?? ''}...; here it has the wrong number of colons.`, node.position);
      this.directives.set(node, { kind: 'omit' });
      return SKIP;
    }
    const attributes = readAttributes(node, spec, this.file);
    return this.known(node.name, node, attributes, parent);
  }

  private known(name: DirectiveName, node: Directives, attributes: AttributeValues, parent: Root | ContainerDirective | undefined): typeof SKIP | undefined {
    const analysis = descriptorOf(name).analyze(node, attributes, this.scope(parent));
    if (analysis === 'omit-all' || analysis === 'omit') {
      this.directives.set(node, { kind: 'omit' });
      return analysis === 'omit-all' ? SKIP : undefined;
    }
    // descriptorOf(name) made this data; the registry pairs each name with its own data's type.
    this.directives.set(node, { kind: name, data: analysis } as DirectiveInfo);
    return undefined;
  }

  private scope(parent: Root | ContainerDirective | undefined): AnalysisScope {
    return {
      file: this.file,
      parent,
      handled: this.directives,
      asset: (path, place) => this.asset(path, place),
      addQuestion: (question) => this.questions.push(question),
      addActivity: (activity) => this.activities.push(activity),
      addPool: (pool) => this.pools.push(pool),
      declareId: (kind, id, node) => this.declaredIds.push({ kind, id, position: node.position }),
      addTerm: (node, id) => this.terms.push({ node, id }),
      claimSupport: (node) => {
        if (this.support) return false;
        this.support = node;
        return true;
      },
    };
  }
}

/**
 * Prose that Markdown read as a text directive: a name that cannot be a directive's ("16:9{approx}")
 * or an unknown name right after a letter or digit ("Python:list[int]", "10:30"). Known directives
 * are always directives; elsewhere "\\:" keeps a colon as text.
 */
function proseColon(node: TextDirective, text: string): DirectiveInfo | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const before = text.slice(Math.max(0, start - 2), start);
  if (/^[A-Za-z]/.test(node.name) && !/[\p{L}\p{N}]$/u.test(before)) return undefined;
  const source = text.slice(start, end);
  const hasLabel = source[node.name.length + 1] === '[';
  const labelEnd = hasLabel ? (node.children.at(-1)?.position?.end.offset ?? start + node.name.length + 2) : start + node.name.length + 1;
  const rest = text.slice(labelEnd, end);
  return { kind: 'literal', open: `:${node.name}${hasLabel ? '[' : ''}`, close: rest };
}

function sourceText(node: { position?: Heading['position'] }, file: VFile): string {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return String(file.value).slice(start, end);
}

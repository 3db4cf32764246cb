import type { OutputFile } from '../bundle/bundle-course.js';
import { ASSESSMENT_TYPE, CC_NS, WEBLINK_TYPE } from '../package/cc/cc-manifest.js';
import { metadataField } from '../package/cc/check-qti.js';
import { QTI_NS } from '../package/cc/qti-assessment.js';
import { MANIFEST_FILES } from '../package/package-files.js';
import { hrefToPath } from '../package/package-paths.js';
import { childElements, childText, descendants } from '../package/xml-dom.js';
import { readXmlFile } from '../package/xml-file.js';

/**
 * What an LMS builds when it imports a Common Cartridge, read from the package as an importer reads
 * it (not from coursemark's own data): the organization's top items become modules (Canvas,
 * Brightspace, Blackboard) or sections (Moodle), their items pages, quizzes, web links or files, in
 * manifest order; a quiz's points are the sum of its items' cc_weighting.
 */

export type CartridgeItemKind = 'page' | 'quiz' | 'link' | 'file' | 'other';

export interface CartridgeItem {
  readonly kind: CartridgeItemKind;
  readonly title: string;
  /** Quizzes: questions by cc_profile type, and the points they are worth together. */
  readonly questions?: number;
  readonly points?: number;
  readonly types?: Readonly<Record<string, number>>;
}

export interface CartridgeModule {
  readonly title: string;
  readonly items: readonly CartridgeItem[];
}

export interface CartridgeSummary {
  readonly title: string;
  readonly modules: readonly CartridgeModule[];
  readonly totals: { readonly pages: number; readonly quizzes: number; readonly questions: number; readonly points: number; readonly links: number };
}

/** `cc.multiple_choice.v0p1` -> `multiple choice`. */
const typeName = (profile: string): string => profile.replace(/^cc\./, '').replace(/\.v\d+p\d+$/, '').replace(/_/g, ' ').replace(/^fib$/, 'fill in the blank');

function quizItem(title: string, file: OutputFile | undefined): CartridgeItem {
  const root = file === undefined ? undefined : readXmlFile(file.path, file.contents).root;
  if (root === undefined) return { kind: 'quiz', title, questions: 0, points: 0, types: {} };
  const items = descendants(root, QTI_NS, 'item');
  const types: Record<string, number> = {};
  let points = 0;
  for (const item of items) {
    const type = typeName(metadataField(item, 'cc_profile') ?? 'unknown');
    types[type] = (types[type] ?? 0) + 1;
    const weighting = Number(metadataField(item, 'cc_weighting') ?? '1');
    points += Number.isFinite(weighting) ? weighting : 0;
  }
  const quizTitle = childElements(root, QTI_NS, 'assessment')[0]?.getAttribute('title') ?? title;
  return { kind: 'quiz', title: quizTitle || title, questions: items.length, points: Number(points.toFixed(4)), types };
}

/** The summary, or undefined when the package is not a readable cartridge. */
export function cartridgeSummary(entries: readonly OutputFile[]): CartridgeSummary | undefined {
  const byPath = new Map(entries.map((entry) => [entry.path, entry] as const));
  const manifest = byPath.get(MANIFEST_FILES.scorm);
  const root = manifest === undefined ? undefined : readXmlFile(manifest.path, manifest.contents).root;
  if (root === undefined || root.namespaceURI !== CC_NS.imscp) return undefined;
  const resources = new Map(descendants(root, CC_NS.imscp, 'resource').map((el) => [el.getAttribute('identifier') ?? '', el] as const));
  const organization = descendants(root, CC_NS.imscp, 'organization')[0];
  const top = organization === undefined ? [] : childElements(organization, CC_NS.imscp, 'item').flatMap((item) => childElements(item, CC_NS.imscp, 'item'));

  const itemOf = (el: Element): CartridgeItem => {
    const title = childText(el, CC_NS.imscp, 'title') ?? '';
    const resource = resources.get(el.getAttribute('identifierref') ?? '');
    const type = resource?.getAttribute('type') ?? '';
    const firstFile = resource === undefined ? undefined : childElements(resource, CC_NS.imscp, 'file')[0]?.getAttribute('href');
    if (type === ASSESSMENT_TYPE) return quizItem(title, byPath.get(hrefToPath(firstFile ?? '') ?? ''));
    if (type === WEBLINK_TYPE) return { kind: 'link', title };
    if (type === 'webcontent') return { kind: /\.html?$/i.test(resource?.getAttribute('href') ?? '') ? 'page' : 'file', title };
    return { kind: 'other', title };
  };
  const flatten = (el: Element): CartridgeItem[] => {
    const children = childElements(el, CC_NS.imscp, 'item');
    // LMSs have one level of modules: deeper items are listed in order inside their module.
    return children.length === 0 ? [itemOf(el)] : children.flatMap(flatten);
  };
  const modules = top.map((el): CartridgeModule => {
    const children = childElements(el, CC_NS.imscp, 'item');
    const title = childText(el, CC_NS.imscp, 'title') ?? '';
    return { title, items: children.length === 0 ? [itemOf(el)] : children.flatMap(flatten) };
  });
  const all = modules.flatMap((module) => module.items);
  const quizzes = all.filter((item) => item.kind === 'quiz');
  const lom = descendants(root, CC_NS.lomimscc, 'title')[0];
  return {
    title: lom === undefined ? '' : (childText(lom, CC_NS.lomimscc, 'string') ?? ''),
    modules,
    totals: {
      pages: all.filter((item) => item.kind === 'page').length,
      quizzes: quizzes.length,
      questions: quizzes.reduce((sum, item) => sum + (item.questions ?? 0), 0),
      points: Number(quizzes.reduce((sum, item) => sum + (item.points ?? 0), 0).toFixed(4)),
      links: all.filter((item) => item.kind === 'link').length,
    },
  };
}

/** The summary as report lines. */
export function cartridgeLines(summary: CartridgeSummary): string[] {
  const { totals } = summary;
  const lines = [`What an LMS will create from "${summary.title}"`];
  for (const module of summary.modules) {
    lines.push(`  Module "${module.title}"`);
    for (const item of module.items) {
      if (item.kind !== 'quiz') {
        lines.push(`    ${item.kind.padEnd(5)} ${item.title}`);
        continue;
      }
      const types = Object.entries(item.types ?? {}).map(([type, count]) => `${count} ${type}`).join(', ');
      lines.push(`    quiz  ${item.title}: ${item.questions ?? 0} question(s), ${item.points ?? 0} point(s) (${types})`);
    }
  }
  lines.push(`  In all: ${summary.modules.length} modules, ${totals.pages} pages, ${totals.quizzes} quizzes with ${totals.questions} questions worth ${totals.points} points, ${totals.links} web links`);
  return lines;
}

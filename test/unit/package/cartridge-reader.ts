import { create } from 'xmlbuilder2';
import type { OutputFile } from '../../../scripts/bundle/bundle-course.js';

/**
 * An LMS's reading of a Common Cartridge, written for the tests apart from coursemark's own readers
 * (scripts/package/cc/check-*.ts, scripts/verify/cartridge-summary.ts): the XML as a plain object
 * tree, then the modules and their items as an importer builds them (top items of the organization's
 * root become modules; leaf items open resources), and each quiz's questions as it would score them
 * (the answers whose condition sets SCORE to 100, the points in cc_weighting).
 */

type Node = { readonly [key: string]: unknown };

const list = (value: unknown): Node[] => (value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node]);
// The object form keeps the five predefined entities escaped.
const unescape = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (value: unknown): string => {
  if (typeof value === 'string') return unescape(value);
  if (value !== null && typeof value === 'object' && '#' in value) return unescape(String((value as Node)['#']));
  return '';
};
const attr = (node: Node, name: string): string | undefined => {
  const value = node[`@${name}`];
  return typeof value === 'string' ? unescape(value) : undefined;
};

/** The document's root element as an object (namespace prefixes kept as written). */
export function readTree(xml: string): Node {
  const object = create(xml).end({ format: 'object' }) as Node;
  const [name] = Object.keys(object);
  return { '#name': name, ...(object[name ?? ''] as Node) };
}

export interface ReadItem {
  readonly title: string;
  readonly type: string;
  /** The file it opens (webcontent href, or an assessment's or web link's one file). */
  readonly file: string;
}

export interface ReadQuestion {
  readonly ident: string;
  readonly profile: string;
  readonly points: number;
  readonly prompt: string;
  readonly choices: readonly { readonly ident: string; readonly text: string }[];
  /** The answers that score 100: choice idents, or accepted texts for fill-in-the-blank. */
  readonly correct: readonly string[];
  readonly caseSensitive: boolean;
  /** itemfeedback idents. */
  readonly feedback: readonly string[];
}

export interface ReadCartridge {
  readonly modules: readonly { readonly title: string; readonly items: readonly ReadItem[] }[];
  /** Every resource's files, by resource identifier. */
  readonly files: ReadonlyMap<string, readonly string[]>;
  readonly quiz: (file: string) => { readonly title: string; readonly questions: readonly ReadQuestion[] };
}

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function fieldOf(item: Node, label: string): string | undefined {
  const fields = list((list(item.itemmetadata)[0]?.qtimetadata as Node | undefined)?.qtimetadatafield);
  const field = fields.find((candidate) => textOf(candidate.fieldlabel) === label);
  return field === undefined ? undefined : textOf(field.fieldentry);
}

function matText(material: unknown): string {
  return list(list(material)[0]?.mattext).map(textOf).join('');
}

function readQuestion(item: Node): ReadQuestion {
  const presentation = list(item.presentation)[0] ?? {};
  const lid = list(presentation.response_lid)[0];
  const str = list(presentation.response_str)[0];
  const labels = list((list(lid?.render_choice)[0] ?? {}).response_label);
  const correct: string[] = [];
  let caseSensitive = false;
  for (const processing of list(item.resprocessing)) {
    for (const condition of list(processing.respcondition)) {
      if (list(condition.setvar).map(textOf)[0] !== '100') continue;
      const tests = list(condition.conditionvar)[0] ?? {};
      for (const equal of list(tests.varequal)) {
        correct.push(textOf(equal));
        if (attr(equal, 'case') === 'Yes') caseSensitive = true;
      }
      // Multiple response: every right choice inside <and>, the wrong ones under <not>.
      for (const and of list(tests.and)) correct.push(...list(and.varequal).map(textOf));
    }
  }
  return {
    ident: attr(item, 'ident') ?? '',
    profile: fieldOf(item, 'cc_profile') ?? '',
    points: Number(fieldOf(item, 'cc_weighting') ?? 'NaN'),
    prompt: matText(presentation.material),
    choices: labels.map((label) => ({ ident: attr(label, 'ident') ?? '', text: matText(label.material) })),
    correct: str === undefined || lid !== undefined ? correct.sort() : correct,
    caseSensitive,
    feedback: list(item.itemfeedback).map((feedback) => attr(feedback, 'ident') ?? ''),
  };
}

export function readCartridge(entries: readonly OutputFile[]): ReadCartridge {
  const byPath = new Map(entries.map((entry) => [entry.path, decode(entry.contents)] as const));
  const manifest = readTree(byPath.get('imsmanifest.xml') ?? '');
  const resources = list((list(manifest.resources)[0] ?? {}).resource);
  const byId = new Map(resources.map((resource) => [attr(resource, 'identifier') ?? '', resource] as const));
  const files = new Map(resources.map((resource) => [attr(resource, 'identifier') ?? '', list(resource.file).map((file) => attr(file, 'href') ?? '')] as const));
  const organization = list((list(manifest.organizations)[0] ?? {}).organization)[0] ?? {};
  const root = list(organization.item)[0] ?? {};
  const leaves = (item: Node): ReadItem[] => {
    const children = list(item.item);
    if (children.length > 0) return children.flatMap(leaves);
    const resource = byId.get(attr(item, 'identifierref') ?? '') ?? {};
    return [{ title: textOf(list(item.title)[0]), type: attr(resource, 'type') ?? '', file: attr(resource, 'href') ?? list(resource.file).map((file) => attr(file, 'href') ?? '')[0] ?? '' }];
  };
  const modules = list(root.item).map((module) => ({ title: textOf(list(module.title)[0]), items: list(module.item).flatMap(leaves) }));
  const quiz = (file: string) => {
    const tree = readTree(byPath.get(file) ?? '');
    const assessment = list(tree.assessment)[0] ?? {};
    return { title: attr(assessment, 'title') ?? '', questions: list(list(assessment.section)[0]?.item).map(readQuestion) };
  };
  return { modules, files, quiz };
}

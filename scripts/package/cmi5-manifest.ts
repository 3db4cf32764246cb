import type { CourseModel } from '../model/course-model.js';
import type { PartData } from '../../components/course-data.js';
import type { Cmi5Layout } from '../validate/course-config.js';

export type { Cmi5Layout };
import { courseDescription, decimalText } from './manifest-common.js';
import { LAUNCH_FILE } from './package-files.js';
import { attrs, element, serializeXml, textElement, type XmlDocument, type XmlElement } from './xml.js';

/** cmi5 13.2 course structure namespace (default namespace of cmi5.xml, standards K1). */
export const CMI5_NS = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

/** cmi5 13.1.4 AU `moveOn` vocabulary. */
export type MoveOn = 'NotApplicable' | 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed';
/** cmi5 13.1.4 AU `launchMethod` vocabulary. */
export type LaunchMethod = 'AnyWindow' | 'OwnWindow';

/**
 * cmi5 8.1: query names the LMS adds to the AU launch URL. An AU `url` must not use them itself
 * (8.1.0.0-6; standards K5), or the LMS's values and ours would collide.
 */
export const CMI5_LAUNCH_PARAMETERS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

/**
 * Query name the player reads to present one AU's part of the course: a page id (per-page) or a part
 * id (per-part). Part ids never equal page ids (model/course-parts.ts).
 */
export const AU_QUERY_PARAMETER = 'au';

/** A cmi5 `langstring` set: title and description carry one per language (cmi5 13.1.1). */
export interface LangStrings {
  readonly [lang: string]: string;
}

export interface Cmi5Au {
  readonly kind: 'au';
  /** Absolute IRI, unique in the structure (cmi5 13.1.4, 3.0.0.0-1, standards K4). */
  readonly id: string;
  readonly title: LangStrings;
  readonly description: LangStrings;
  /** Relative to the package root (cmi5 13.1.4 url; 14.1.0.0-3). */
  readonly url: string;
  readonly moveOn: MoveOn;
  /** Decimal 0..1, at most 4 decimal places (cmi5 13.1.4 masteryScore). */
  readonly masteryScore?: number;
  readonly launchMethod: LaunchMethod;
  readonly launchParameters?: string;
}

export interface Cmi5Block {
  readonly kind: 'block';
  /** Absolute IRI, unique in the structure (cmi5 13.1.2). */
  readonly id: string;
  readonly title: LangStrings;
  readonly description: LangStrings;
  readonly children: readonly (Cmi5Au | Cmi5Block)[];
}

/** cmi5.xml as data (cmi5 13.1). */
export interface Cmi5CourseStructure {
  readonly course: { readonly id: string; readonly title: LangStrings; readonly description: LangStrings };
  readonly children: readonly (Cmi5Au | Cmi5Block)[];
}

export interface Cmi5Options {
  readonly layout: Cmi5Layout;
}

/**
 * The launch url of an AU: `index.html` for the whole course, or `index.html?au=<id>` for a page's or
 * a part's AU. Refuses query names that cmi5 reserves for the LMS (cmi5 8.1.0.0-6).
 */
export function auUrl(scope?: string): string {
  if (scope === undefined) return LAUNCH_FILE;
  if ((CMI5_LAUNCH_PARAMETERS as readonly string[]).includes(AU_QUERY_PARAMETER)) {
    throw new Error(`The AU url query name "${AU_QUERY_PARAMETER}" is reserved by cmi5 8.1 for the LMS.`);
  }
  return `${LAUNCH_FILE}?${new URLSearchParams([[AU_QUERY_PARAMETER, scope]]).toString()}`;
}

/** masteryScore text: a plain decimal with at most 4 places (cmi5 13.1.4). */
export const masteryText = (value: number): string => decimalText(value, 4);

/** Block and AU ids of a part: `<course id>/parts/<part id>` (cmi5 13.1.2: absolute, unique IRIs). */
const partIri = (courseId: string, part: PartData): string => `${courseId}/parts/${encodeURIComponent(part.id)}`;

/**
 * The cmi5 course structure (standards §3.1, K1-K5), by layout:
 * - `single`: one AU `<course id>/au` launching index.html;
 * - `per-page`: an AU `<page iri>/au` per page launching `index.html?au=<page id>`, in a block
 *   `<course id>/parts/<part id>` per part when course.yaml declares parts;
 * - `per-part`: an AU `<course id>/parts/<part id>/au` per part launching `index.html?au=<part id>`.
 * The player presents an AU's pages only and judges completion and score over them (cmi5-scope.ts).
 * An AU with questions has the course's masteryScore and moves on when completed and passed; an AU
 * without questions cannot pass, so it has no masteryScore and moves on when completed (cmi5 10.2.3).
 * An AU of optional pages only is `NotApplicable` (cmi5 13.1.4): the LMS counts it satisfied whether
 * or not it is launched, as the course does not count those pages (optional pages have no questions).
 * Launched, it is completed when its pages are viewed (components/required-pages.ts).
 */
export function cmi5Manifest(model: CourseModel, options: Cmi5Options): Cmi5CourseStructure {
  const { data } = model;
  const lang = (text: string): LangStrings => ({ [data.language]: text });
  const description = courseDescription(model);
  const assessed = (pageIds: readonly string[]): boolean => data.pages.some((page) => pageIds.includes(page.id) && page.questions.length > 0);
  const optionalOnly = (pageIds: readonly string[]): boolean => data.pages.every((page) => !pageIds.includes(page.id) || page.optional === true);
  const au = (id: string, title: string, url: string, pageIds: readonly string[]): Cmi5Au => ({
    kind: 'au',
    id,
    title: lang(title),
    description: lang(title === data.title ? description : title),
    url,
    moveOn: optionalOnly(pageIds) ? 'NotApplicable' : assessed(pageIds) ? 'CompletedAndPassed' : 'Completed',
    ...(assessed(pageIds) ? { masteryScore: Number(masteryText(data.mastery)) } : {}),
    launchMethod: 'AnyWindow',
  });
  const pageAu = (page: CourseModel['data']['pages'][number]): Cmi5Au => au(`${page.iri}/au`, page.title, auUrl(page.id), [page.id]);
  const block = (part: PartData, children: readonly Cmi5Au[]): Cmi5Block => ({ kind: 'block', id: partIri(data.id, part), title: lang(part.title), description: lang(part.title), children });
  let children: (Cmi5Au | Cmi5Block)[];
  if (options.layout === 'single') children = [au(`${data.id}/au`, data.title, auUrl(), data.pages.map((page) => page.id))];
  else if (options.layout === 'per-part' && data.parts.length > 0) children = data.parts.map((part) => au(`${partIri(data.id, part)}/au`, part.title, auUrl(part.id), part.pages));
  else if (data.parts.length > 0) children = data.parts.map((part) => block(part, data.pages.filter((page) => part.pages.includes(page.id)).map(pageAu)));
  else children = data.pages.map(pageAu);
  return { course: { id: data.id, title: lang(data.title), description: lang(description) }, children };
}

const langStrings = (name: string, values: LangStrings): XmlElement =>
  element(CMI5_NS, name, [], Object.entries(values).map(([lang, text]) => textElement(CMI5_NS, 'langstring', text, attrs({ lang }))));

function nodeXml(node: Cmi5Au | Cmi5Block): XmlElement {
  if (node.kind === 'block') {
    return element(CMI5_NS, 'block', attrs({ id: node.id }), [langStrings('title', node.title), langStrings('description', node.description), ...node.children.map(nodeXml)]);
  }
  // cmi5 13.1.4 / CourseStructure.xsd auType: title, description, objectives?, url, launchParameters?, entitlementKey?.
  return element(
    CMI5_NS,
    'au',
    attrs({
      id: node.id,
      moveOn: node.moveOn,
      masteryScore: node.masteryScore === undefined ? undefined : masteryText(node.masteryScore),
      launchMethod: node.launchMethod,
    }),
    [
      langStrings('title', node.title),
      langStrings('description', node.description),
      textElement(CMI5_NS, 'url', node.url),
      ...(node.launchParameters === undefined ? [] : [textElement(CMI5_NS, 'launchParameters', node.launchParameters)]),
    ],
  );
}

/** The course structure as an XML document tree. */
export function cmi5ManifestXml(structure: Cmi5CourseStructure): XmlDocument {
  const course = element(CMI5_NS, 'course', attrs({ id: structure.course.id }), [langStrings('title', structure.course.title), langStrings('description', structure.course.description)]);
  return { root: element(CMI5_NS, 'courseStructure', [], [course, ...structure.children.map(nodeXml)]), prefixes: [] };
}

/** cmi5.xml text. */
export const writeCmi5Manifest = (structure: Cmi5CourseStructure): string => serializeXml(cmi5ManifestXml(structure));

import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import type { ActivityData, PageInfo, PoolData, QuestionData } from '../../components/course-data.js';
import { report } from '../diagnostics/report.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { activityIri, courseData, mediaPath, pageIri, pageRoute, poolIri, questionIri, type CourseModel, type MediaFile, type ModelInput, type PageModel } from './course-model.js';
import { resolveConfigAssets } from './config-assets.js';
import { resolveParts } from './course-parts.js';
import { checkOptionalPages } from './optional-pages.js';
import { packagedSize } from './images.js';
import { activeFileKind, svgActiveContent } from '../validate/asset-check.js';
import { directiveAssets } from '../directives/registry.js';
import type { AssetRef, DeclaredKind, SectionDraft } from './section-draft.js';
import type { PoolInfo } from '../directives/question-pool.js';
import { directionOf } from '../validate/value-checks.js';

/**
 * Joins analysed sections into the course model: assigns IRIs and checks everything that spans
 * files (duplicate ids, links between pages, assets, glossary terms, the single support panel).
 * Problems become messages on the file where the author must fix them.
 */
export function buildCourseModel(input: ModelInput): CourseModel {
  const { config, sections } = input;
  const pagesById = uniquePages(sections);
  const urls = new Map<Node, string>();
  const media = new Map<string, MediaFile>();
  // kind -> id -> where it was first declared, for duplicate messages.
  const declaredIds: Record<DeclaredKind, Map<string, string>> = { question: new Map(), activity: new Map(), pool: new Map() };
  const glossaryIds = new Set(input.glossary.map((entry) => entry.id));
  const questions: QuestionData[] = [];
  const activities: ActivityData[] = [];
  const pools: PoolData[] = [];
  const pages: PageModel[] = [];
  // An SVG shown on many pages is parsed for active content once per build, not once per use.
  const svgFindings = new Map<string, readonly string[]>();
  // Link targets by file name (the first section of a name, as a search in course order finds).
  const byFileName = new Map<string, SectionDraft>();
  for (const section of [...sections].reverse()) byFileName.set(section.fileName, section);
  let support: CourseModel['support'];

  for (const section of sections) {
    const duplicates = new Set<unknown>();
    for (const declared of section.declaredIds) {
      const seen = declaredIds[declared.kind];
      const first = seen.get(declared.id);
      if (first) {
        report(section.file, 'duplicate-id', `Another ${declared.kind} already has the id "${declared.id}" (${first}). Ids must be unique in the course: rename one of them.`, declared.position);
        duplicates.add(declared.position);
      } else seen.set(declared.id, `${section.file.path}:${declared.position?.start.line ?? 1}`);
    }
    if (pagesById.get(section.pageId) !== section) continue;
    const pageId = section.pageId;
    const pageQuestions: string[] = [];
    const pageActivities: string[] = [];
    const pageStart = questions.length;
    for (const question of section.questions) {
      if (!duplicates.has(question.position)) {
        questions.push({ ...question.fields, iri: questionIri(config.id, question.fields.id), pageId } as QuestionData);
        pageQuestions.push(question.fields.id);
      }
    }
    for (const activity of section.activities) {
      if (!duplicates.has(activity.position)) {
        activities.push({
          id: activity.id,
          kind: activity.kind,
          iri: activityIri(config.id, activity.id),
          pageId,
          title: activity.title ?? '',
          promptText: activity.promptText,
          hasDiscussion: activity.discussion !== undefined,
          shared: activity.shared,
        });
        pageActivities.push(activity.id);
      }
    }
    for (const pool of section.pools) {
      if (duplicates.has(pool.position)) continue;
      const data = poolData(section, pool, questions.slice(pageStart).filter((question) => question.poolId === pool.id), config.id);
      if (data) pools.push(data);
    }
    const reported = new Set<number | undefined>();
    for (const link of section.pageLinks) {
      const target = link.fileName === undefined ? section : byFileName.get(link.fileName);
      // Several reference-style links may share one definition: one message where the address is.
      const place = link.place ?? link.node.position;
      const once = (reason: string): void => {
        if (reported.has(place?.start.offset)) return;
        reported.add(place?.start.offset);
        report(section.file, 'broken-link', reason, place);
      };
      if (!target) {
        // A page that exists but could not be read (over a limit) is reported for itself, not here.
        if (link.fileName !== undefined && input.unreadableSections?.includes(link.fileName) === true) continue;
        once(`This link points to "${link.fileName ?? ''}", which is not a page in sections/.${didYouMean(link.fileName ?? '', [...sections.map((candidate) => candidate.fileName), ...(input.unreadableSections ?? [])]) || ' Check the file name.'}`);
        continue;
      }
      if (link.anchor && !target.headings.some((heading) => heading.id === link.anchor)) {
        const known = target.headings.map((heading) => heading.id);
        once(`The page "${target.fileName}" has no heading "#${link.anchor}".${didYouMean(link.anchor, known, (id) => `"#${id}"`)}${known.length > 0 ? ` Its headings: ${known.map((id) => `#${id}`).join(', ')}.` : ''}`);
        continue;
      }
      urls.set(link.node, pageRoute(target.pageId, link.anchor));
    }
    // Links and images get their URL by node; a directive's files by path (RenderContext.assetUrl).
    const assets: { node: Node | undefined; asset: AssetRef }[] = section.assetLinks.map((link) => ({ node: link.node, asset: link.asset }));
    for (const info of section.directives.values()) {
      for (const asset of directiveAssets(info)) assets.push({ node: undefined, asset });
    }
    for (const { node, asset } of assets) {
      if (!input.files.has(asset.path)) {
        const variant = input.files.caseVariant(asset.path);
        report(section.file, 'missing-asset', variant ? `"${asset.path}" does not exist, but "${variant}" does: letter case matters on web servers. Use the exact name.` : `The file "${asset.path}" does not exist in the course folder. Check the path (it is relative to this Markdown file).`, asset.position);
        continue;
      }
      if (!inertAsset(section, asset, input.files, svgFindings)) continue;
      const size = input.files.imageSize?.(asset.path);
      const file = media.get(asset.path) ?? { source: asset.path, output: mediaPath(asset.path), ...(size ? { size: packagedSize(size) } : {}) };
      media.set(asset.path, file);
      if (node) urls.set(node, file.output);
    }
    for (const term of section.terms) {
      // A glossary.yaml with errors is reported for itself; its terms are not all unknown.
      if (!glossaryIds.has(term.id) && input.glossaryReadable !== false) {
        const byId = new Map(input.glossary.map((entry) => [entry.id, entry.term]));
        const suggestion = didYouMean(term.id, byId.keys(), (id) => `"${byId.get(id) ?? id}"`);
        report(section.file, 'unknown-term', `The term "${toString(term.node).trim() || term.id}" is not in glossary.yaml.${suggestion} Add it there, or give the id of an existing entry: :term[...]{id=...}.`, term.node.position);
      }
    }
    if (section.support) {
      if (support) report(section.file, 'support-duplicate', `A course has one help-and-support panel, and ${support.section.fileName} already has one. Merge them.`, section.support.position);
      else support = { node: section.support, section };
    }
    const info: PageInfo = {
      id: pageId,
      iri: pageIri(config.id, pageId),
      title: section.frontmatter.title,
      index: pages.length,
      ...(section.frontmatter.lang === undefined ? {} : { lang: section.frontmatter.lang, dir: directionOf(section.frontmatter.lang) }),
      objectives: section.frontmatter.objectives,
      ...(section.frontmatter.duration === undefined ? {} : { duration: section.frontmatter.duration }),
      ...(section.frontmatter.optional === true ? { optional: true } : {}),
      questions: pageQuestions,
      activities: pageActivities,
      headings: section.headings.filter((heading) => heading.depth <= 3).map(({ id, text, depth }) => ({ id, text, depth })),
    };
    pages.push({ info, section });
  }
  checkOptionalPages(pages, config, input.configFile);
  const supportInfo = support ? support.section.directives.get(support.node) : undefined;
  const supportTitle = supportInfo?.kind === 'support' ? supportInfo.data.title : undefined;
  if (config.completion.questions === 'assessment' && pools.length === 0) {
    report(input.configFile, 'config-invalid', 'completion asks for "questions: assessment" (every question pool finished), but the course has no question pool. Add a "::::question-pool" to a page, or write "questions: all".', config.completionPlace ?? { line: 1, column: 1 });
  }
  if (config.passing.value === 'pools' && pools.length === 0) {
    report(input.configFile, 'config-invalid', 'passing is "pools", but the course has no question pool: no question would count towards the score. Add a "::::question-pool" to a page, or write "passing: all".', config.passing.place);
  }
  const parts = resolveParts(config, pages.map((page) => ({ info: page.info, fileName: page.section.fileName })), input.configFile, input.unreadableSections);
  const look = resolveConfigAssets(config, input.configFile, input.files, media, pages.map((page) => page.info));
  return {
    config,
    data: courseData(config, look, pages.map((page) => page.info), keptInPools(questions, pools), activities, input.glossary, parts, support ? (supportTitle ?? '') : undefined, pools),
    pages,
    support,
    media,
    urls,
  };
}

/**
 * Reports a linked or shown course file that would run code when opened inside the LMS (a web
 * page, a script, an SVG with script or external references); returns whether it may be packaged.
 */
function inertAsset(section: SectionDraft, asset: SectionDraft['assetLinks'][number]['asset'], files: ModelInput['files'], svgFindings: Map<string, readonly string[]>): boolean {
  const kind = activeFileKind(asset.path);
  if (kind !== undefined) {
    report(section.file, 'active-asset', `"${asset.path}" is ${kind}: opened from the course, it would run inside the LMS, with the learner's record in reach. A page may link or show only inert files. Make it a page of the course (sections/), a PDF, or an https:// address.`, asset.position);
    return false;
  }
  const svg = files.svgText?.(asset.path);
  if (svg === null) {
    report(section.file, 'unsafe-svg', `"${asset.path}" is too large to check for script (over 4 MB). Simplify the drawing, or use a PNG or WebP.`, asset.position);
    return false;
  }
  let active = svgFindings.get(asset.path);
  if (active === undefined) {
    active = svg === undefined ? [] : svgActiveContent(svg);
    svgFindings.set(asset.path, active);
  }
  if (active.length > 0) {
    const listed = active.length === 1 ? active[0] : `${active.slice(0, -1).join(', ')} and ${active.at(-1) ?? ''}`;
    report(section.file, 'unsafe-svg', `"${asset.path}" holds ${listed}. Opened from the course, an SVG runs inside the LMS like a web page. Remove them (in Inkscape, save as "Optimized SVG" or "Plain SVG"; in Illustrator, export without "Preserve editing"), or use a PNG or WebP.`, asset.position);
    return false;
  }
  return true;
}

/**
 * A pool's data, or undefined after reporting why it cannot be drawn from: no questions, a draw
 * larger than the pool, a stratified draw without tags to stratify by.
 */
function poolData(section: SectionDraft, pool: PoolInfo, questions: readonly QuestionData[], courseId: string): PoolData | undefined {
  if (questions.length === 0) {
    report(section.file, 'question-pool', `The question pool "${pool.id}" has no questions. Put its questions inside it (":::question" containers between its "::::question-pool" line and its closing "::::"), or remove it.`, pool.position);
    return undefined;
  }
  const draw = pool.draw ?? questions.length;
  if (draw > questions.length) {
    report(section.file, 'question-pool', `The question pool "${pool.id}" draws ${draw} questions but holds ${questions.length}. Lower "draw" to ${questions.length} or less, or add questions to the pool.`, pool.position);
    return undefined;
  }
  if (pool.stratify && questions.every((question) => question.tag === undefined)) {
    report(section.file, 'question-pool', `The question pool "${pool.id}" is stratified, but none of its questions has a tag to draw evenly from. Give its questions a tag (tag=law), or remove "stratify".`, pool.position);
  }
  return {
    id: pool.id,
    iri: poolIri(courseId, pool.id),
    pageId: questions[0]?.pageId ?? '',
    title: pool.title ?? pool.id,
    questions: questions.map((question) => question.id),
    draw,
    stratify: pool.stratify,
    retries: pool.retries,
    counts: pool.counts,
  };
}

/** A question of a pool that was refused (reported) counts as a question on its own. */
function keptInPools(questions: readonly QuestionData[], pools: readonly PoolData[]): QuestionData[] {
  const kept = new Set(pools.map((pool) => pool.id));
  return questions.map((question) => {
    if (question.poolId === undefined || kept.has(question.poolId)) return question;
    const { poolId: _poolId, ...rest } = question;
    return rest as QuestionData;
  });
}

function uniquePages(sections: readonly SectionDraft[]): Map<string, SectionDraft> {
  const byId = new Map<string, SectionDraft>();
  for (const section of sections) {
    const first = byId.get(section.pageId);
    if (first) {
      report(section.file, 'duplicate-id', `The page id "${section.pageId}" is already used by ${first.fileName}. Set a different "id" in this page's frontmatter.`, section.idPlace);
      continue;
    }
    byId.set(section.pageId, section);
  }
  return byId;
}

import type { ContainerDirective } from 'mdast-util-directive';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { ActivityData, CourseData, GlossaryEntry, PageInfo, PartData, PoolData, QuestionData } from '../../components/course-data.js';
import type { ConfigAssets } from './config-assets.js';
import type { ResolvedCourseConfig } from '../validate/course-config.js';
import type { ImageSize } from './images.js';
import type { SectionDraft } from './section-draft.js';

/** A page of the model: its browser-facing info plus the analysed section it comes from. */
export interface PageModel {
  readonly info: PageInfo;
  readonly section: SectionDraft;
}

/** A course file the pages refer to, and where the build puts it. */
export interface MediaFile {
  /** Path inside the course folder. */
  readonly source: string;
  /** Path inside the built output, ASCII only (SCORM packages are safest with ASCII names). */
  readonly output: string;
  /** A raster image's size in the package (model/images.ts), when it could be read. */
  readonly size?: ImageSize;
}

/** The typed course: the single source of truth for every later stage (render, bundle, package). */
export interface CourseModel {
  readonly config: ResolvedCourseConfig;
  readonly data: CourseData;
  readonly pages: readonly PageModel[];
  readonly support: { readonly node: ContainerDirective; readonly section: SectionDraft } | undefined;
  /** Course files that the output must carry, by course path. */
  readonly media: ReadonlyMap<string, MediaFile>;
  /** The URL each author link or image gets in the output (page routes, media paths). */
  readonly urls: ReadonlyMap<Node, string>;
}

/** The course files the model may refer to, by path inside the course folder. */
export interface CourseFileIndex {
  readonly has: (path: string) => boolean;
  /** A path that differs only in letter case, for a helpful message. */
  readonly caseVariant: (path: string) => string | undefined;
  /**
   * The text of an SVG file, to check it holds nothing active (validate/asset-check.ts); null when
   * it is too large to read for that. Undefined for other files.
   */
  readonly svgText?: (path: string) => string | null | undefined;
  /** A raster image's size as shown (orientation applied); undefined for other or unreadable files. */
  readonly imageSize?: (path: string) => ImageSize | undefined;
}

export interface ModelInput {
  readonly config: ResolvedCourseConfig;
  readonly configFile: VFile;
  readonly sections: readonly SectionDraft[];
  readonly glossary: readonly GlossaryEntry[];
  readonly files: CourseFileIndex;
  /** File names of the section files that could not be read (their errors are already reported). */
  readonly unreadableSections?: readonly string[];
  /** False when glossary.yaml has errors: terms are then not checked against it. */
  readonly glossaryReadable?: boolean;
}

export const pageIri = (courseId: string, pageId: string): string => `${courseId}/pages/${pageId}`;
export const questionIri = (courseId: string, id: string): string => `${courseId}/questions/${id}`;
export const activityIri = (courseId: string, id: string): string => `${courseId}/activities/${id}`;
export const poolIri = (courseId: string, id: string): string => `${courseId}/pools/${id}`;

/** The browser route of a page, optionally at a heading: `#/<page-id>/<heading-id>`. */
export const pageRoute = (pageId: string, anchor?: string): string => `#/${pageId}${anchor ? `/${anchor}` : ''}`;

/** Output path for a course file: under media/, each segment reduced to safe ASCII. */
export function mediaPath(source: string): string {
  const segments = source.split('/').map((segment) =>
    segment
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'file',
  );
  return ['media', ...segments].join('/');
}

/** Builds the browser-facing CourseData from checked parts (ids and IRIs already decided). */
export function courseData(
  config: ResolvedCourseConfig,
  look: ConfigAssets,
  pages: readonly PageInfo[],
  questions: readonly QuestionData[],
  activities: readonly ActivityData[],
  glossary: readonly GlossaryEntry[],
  parts: readonly PartData[],
  supportTitle: string | undefined,
  pools: readonly PoolData[] = [],
): CourseData {
  return {
    id: config.id,
    title: config.title,
    description: config.description,
    language: config.language,
    dir: config.dir,
    version: config.version,
    authors: config.authors,
    license: config.license,
    mastery: config.mastery,
    ...(config.passing.value === 'pools' && pools.length > 0 ? { scoreOver: 'pools' as const } : {}),
    completion: config.completion,
    scorm12Status: config.scorm12Status,
    theme: look.theme,
    pages,
    questions,
    ...(pools.length === 0 ? {} : { pools }),
    activities,
    glossary,
    parts,
    ...(supportTitle === undefined ? {} : { supportTitle }),
    ...(look.cover === undefined ? {} : { cover: look.cover }),
  };
}

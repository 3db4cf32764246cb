import type { VFile } from 'vfile';
import type { PageInfo, PartData } from '../../components/course-data.js';
import { report } from '../diagnostics/report.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { pageIdFromFileName } from '../validate/analyze-section.js';
import type { PartDeclaration, ResolvedCourseConfig } from '../validate/course-config.js';

/** A page as parts may name it: by its id, or by its file name (with or without `.md`, or the id the file name gives). */
export interface NamedPage {
  readonly info: PageInfo;
  readonly fileName: string;
}

/** The names a part may use for a section file: `03-sexting.md`, `03-sexting` and `sexting`. */
function namesOf(fileName: string): string[] {
  return [fileName, fileName.replace(/\.md$/, ''), pageIdFromFileName(fileName)];
}

function partId(part: PartDeclaration): string {
  if (part.id !== undefined) return part.id;
  const slug = part.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'part' : slug;
}

/**
 * Matches the parts declared in course.yaml with the course's pages. Each part lists pages by id or
 * file name; together the parts must hold every page exactly once (a page outside every part could
 * not be launched in a per-part cmi5 package). Problems are `course-parts` messages on the exact
 * entry in course.yaml. Returns the parts with their pages in course order.
 */
export function resolveParts(config: ResolvedCourseConfig, pages: readonly NamedPage[], file: VFile, unreadable: readonly string[] = []): PartData[] {
  const declared = config.parts;
  if (config.cmi5Layout.value === 'per-part' && declared.length === 0) {
    report(file, 'course-parts', 'cmi5.aus is per-part, but course.yaml declares no parts. Add a "parts:" list (each part with a title and its pages), or choose single or per-page.', config.cmi5Layout.place);
  }
  if (declared.length === 0) return [];
  const byName = new Map<string, PageInfo>();
  for (const page of pages) {
    for (const name of namesOf(page.fileName)) byName.set(name, page.info);
    byName.set(page.info.id, page.info);
  }
  // Pages whose file could not be read have their own error; naming them is not another one.
  const skipped = new Set(unreadable.flatMap(namesOf));
  const pageIds = new Set(pages.map((page) => page.info.id));
  const owner = new Map<string, string>();
  const ids = new Set<string>();
  const parts: PartData[] = [];
  for (const part of declared) {
    const id = partId(part);
    const named = part.id === undefined ? `The part "${part.title}" takes the id "${id}" from its title, which` : `The part id "${id}"`;
    if (ids.has(id)) report(file, 'course-parts', `${named} is already another part's id. Give this part an id of its own, such as "id: ${id}-2".`, part.idPlace);
    else if (pageIds.has(id)) report(file, 'course-parts', `${named} is also a page id; a cmi5 launch (?au=) names a page or a part, so they must differ. Give the part another id, such as "id: ${id}-part".`, part.idPlace);
    ids.add(id);
    const members = new Set<string>();
    for (const { name, place } of part.pages) {
      const page = byName.get(name);
      if (page === undefined && skipped.has(name)) continue;
      if (page === undefined) {
        report(file, 'course-parts', `The part "${part.title}" lists "${name}", which is not a page of this course.${didYouMean(name, pageIds)} Write a page id or a file name from sections/.`, place);
        continue;
      }
      const first = owner.get(page.id);
      if (first !== undefined) {
        report(file, 'course-parts', `The page "${page.id}" is already in the part "${first}"; a page belongs to one part. Remove it from one of them.`, place);
        continue;
      }
      owner.set(page.id, part.title);
      members.add(page.id);
    }
    parts.push({ id, title: part.title, pages: pages.map((page) => page.info.id).filter((pageId) => members.has(pageId)) });
  }
  const outside = pages.filter((page) => !owner.has(page.info.id)).map((page) => page.info.id);
  if (outside.length > 0) {
    const last = declared.at(-1);
    report(file, 'course-parts', `Every page must be in a part; ${outside.length === 1 ? 'this page is' : 'these pages are'} in none: ${outside.join(', ')}. Add ${outside.length === 1 ? 'it' : 'them'} to a part's pages.`, last?.place);
  }
  return parts.filter((part) => part.pages.length > 0);
}

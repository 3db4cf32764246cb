import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';

// Built once and reused for every section (as Astro does): plugin setup is not repeated per file.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkDirective).use(remarkMath).freeze();

/** Parses one section file into mdast. Pure: reads only `file.value`; never throws on any input text. */
export function parseSection(file: VFile): Root {
  return processor.parse(file);
}

import { parseXml } from '../package/xml-dom.js';

/**
 * Course files that would run code if a learner opened them. A page may link any course file, and
 * the LMS serves the package from its own origin: a web page, script or SVG with script opened
 * from the course runs there, with the LMS's API and the learner's record in reach. This gets
 * round the rule that refuses raw HTML in pages, so such files are refused too.
 */

/** Extensions a browser runs or renders as an active document (HTML, XML with style sheets, scripts, plug-ins). */
const ACTIVE: Readonly<Record<string, string>> = {
  html: 'a web page',
  htm: 'a web page',
  shtml: 'a web page',
  xhtml: 'a web page (XHTML)',
  xht: 'a web page (XHTML)',
  mht: 'a web archive',
  mhtml: 'a web archive',
  xml: 'an XML document (which can pull in a style sheet that runs script)',
  xsl: 'an XSLT style sheet',
  xslt: 'an XSLT style sheet',
  js: 'a script',
  mjs: 'a script',
  cjs: 'a script',
  wasm: 'a WebAssembly module',
  swf: 'a Flash file',
  svgz: 'a compressed SVG (which cannot be checked)',
};

const extension = (path: string): string => /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';

/** What kind of active file a course path is, or undefined for an inert one (images, PDF, media...). */
export function activeFileKind(path: string): string | undefined {
  return ACTIVE[extension(path)];
}

export const isSvg = (path: string): boolean => extension(path) === 'svg';

/** SVG files larger than this are not read to be checked. */
export const SVG_CHECK_BYTES = 4 * 1024 * 1024;

const SVG_NS = 'http://www.w3.org/2000/svg';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
// Animation can set any attribute, an href or a handler among them (SVG 2 19.2.9).
const ANIMATIONS = new Set(['set', 'animate', 'animateTransform', 'animateMotion']);
// Data URLs of raster images are inert wherever they are used; any other reference leaves the file.
const INERT_DATA = /^data:image\/(png|jpe?g|gif|webp|avif)[;,]/i;
const CSS_REFERENCE = /@import|url\(\s*(['"]?)(?!\s*#)(?!data:image\/(png|jpe?g|gif|webp|avif)[;,])/i;

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

function reference(value: string): string | undefined {
  const trimmed = value.trim().replace(/[\u0000-\u0020]/g, '');
  if (trimmed === '' || trimmed.startsWith('#') || INERT_DATA.test(trimmed)) return undefined;
  if (/^javascript:/i.test(trimmed)) return 'a javascript: link';
  const shown = value.trim().length > 60 ? `${value.trim().slice(0, 57)}...` : value.trim();
  return `an external reference ("${shown}")`;
}

/**
 * What an SVG file holds that could run or fetch something when it is opened as a document:
 * script, event handlers, foreignObject (HTML inside the drawing), elements of XHTML, animations
 * of links or handlers, javascript: links, references to other files or addresses (href, CSS
 * url() and @import), style sheet instructions and entity declarations (which can hide any of
 * these from a reader that does not expand them). An empty list means the file is inert.
 */
export function svgActiveContent(text: string): string[] {
  const found: string[] = [];
  if (/<!ENTITY\b/i.test(text)) found.push('entity declarations (which can hide content)');
  if (/<\?xml-stylesheet\b/i.test(text)) found.push('a style sheet instruction (<?xml-stylesheet?>)');
  const parsed = parseXml(text);
  if ('error' in parsed) return [...found, 'XML that cannot be read, so it cannot be checked'];
  const visit = (element: Element): void => {
    const name = element.localName;
    if (element.namespaceURI === XHTML_NS) addOnce(found, `an HTML <${name}> element`);
    else if (name === 'script' || name === 'handler') addOnce(found, `a <${name}> element`);
    else if (name === 'foreignObject') addOnce(found, 'a <foreignObject> element (HTML inside the drawing)');
    else if (name === 'style' && CSS_REFERENCE.test(element.textContent ?? '')) addOnce(found, 'a style sheet that loads other files');
    for (const attribute of Array.from(element.attributes)) {
      const local = attribute.localName.toLowerCase();
      if (local.startsWith('on')) addOnce(found, `an ${attribute.localName} event handler`);
      else if (local === 'href' && (attribute.namespaceURI === null || attribute.namespaceURI === XLINK_NS)) {
        const problem = reference(attribute.value);
        if (problem !== undefined) addOnce(found, problem);
      } else if (CSS_REFERENCE.test(attribute.value) && /url\(|@import/i.test(attribute.value)) addOnce(found, 'a style that loads other files');
      else if (ANIMATIONS.has(name) && element.namespaceURI === SVG_NS && local === 'attributename' && /^(on|href$|xlink:href$)/i.test(attribute.value.trim())) {
        addOnce(found, `an animation that sets ${attribute.value.trim()}`);
      } else if (ANIMATIONS.has(name) && /javascript:/i.test(attribute.value.replace(/[\u0000-\u0020]/g, ''))) addOnce(found, 'a javascript: link');
    }
    for (const child of Array.from(element.children)) visit(child);
  };
  visit(parsed.root);
  return found;
}

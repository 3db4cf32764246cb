import { finding, type Finding } from './findings.js';
import { parseXml } from './xml-dom.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A DOCTYPE in a package's XML file: none of the package schemas uses one, and an internal subset can
 * declare entities that some LMS parsers expand (external entities read the server's files, nested
 * ones expand to gigabytes) while others refuse the file. coursemark's parser expands nothing.
 */
export function doctypeFinding(name: string, text: string): Finding[] {
  const prolog = text.replace(/<!--[\s\S]*?-->/g, '');
  const doctype = /<!DOCTYPE\b[^[>]*(\[[\s\S]*?\])?/i.exec(prolog);
  if (doctype === null) return [];
  const entities = /<!ENTITY\b/i.test(doctype[1] ?? '');
  return [
    finding(
      'xml-doctype',
      `${name}: has a DOCTYPE declaration${entities ? ' that declares entities' : ''}. Manifests never need one, and LMSs differ in how they parse it: some expand entities (reading files on the server, or gigabytes of text), some refuse the package. Remove the <!DOCTYPE ...> declaration.`,
    ),
  ];
}

/** A package's XML file read for checking: its root element, or the findings that say why it cannot be read; DOCTYPE findings either way. */
export function readXmlFile(name: string, bytes: Uint8Array): { readonly root: Element | undefined; readonly findings: Finding[] } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (error: unknown) {
    return { root: undefined, findings: [finding('xml-unreadable', `${name}: not valid UTF-8 (${error instanceof Error ? error.message : String(error)}).`)] };
  }
  const doctype = doctypeFinding(name, text);
  const parsed = parseXml(text);
  if ('error' in parsed) return { root: undefined, findings: [...doctype, finding('xml-unreadable', `${name}: cannot be read as XML: ${parsed.error}`)] };
  return { root: parsed.root, findings: doctype };
}

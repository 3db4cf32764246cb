// Runs in the page: a canonical form of HTML for comparing a rendering with the spec's, after the
// browser has parsed both (so entities, attribute quoting and void tags are written alike), in the
// spirit of the CommonMark test suite's normalizer: comments dropped, attributes sorted, white space
// collapsed outside <pre> and removed around block tags. The differences coursemark makes on purpose,
// documented in docs/authoring.md ("Markdown: CommonMark and GitHub Flavored Markdown"), are applied
// to the spec's HTML or left out of both: headings one level down (# is the page title's level),
// heading ids, web links opening a new tab, lazy images, task-list checkboxes named by their item,
// keyboard-focusable code blocks and tables, the task-list classes, the highlighting of code
// blocks (their `hljs-*` spans are read as their text) and the element that gives a code block its
// copy button (`cm-code`, read as the block inside it).

export function canonicalHtml(container: Element, expected: boolean): string {
  const IGNORED: Readonly<Record<string, readonly string[]>> = {
    a: ['target', 'rel'],
    img: ['loading'],
    input: ['aria-label'],
    pre: ['tabindex'],
    table: ['tabindex'],
    li: ['class'],
    ul: ['class'],
    ol: ['class'],
    h1: ['id'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
  };
  const VOID = new Set(['br', 'hr', 'img', 'input']);
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const walk = (node: Node, inPre: boolean): string => {
    let out = '';
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = (child as Text).data;
        out += escape(inPre ? text : text.replace(/[ \t\n\r\f]+/g, ' '));
        continue;
      }
      if (!(child instanceof Element)) continue;
      if (inPre && child.localName === 'span' && /^hljs-/.test(child.getAttribute('class') ?? '')) {
        out += walk(child, inPre);
        continue;
      }
      if (child.localName === 'cm-code') {
        out += walk(child, inPre);
        continue;
      }
      let tag = child.localName;
      if (expected && tag === 'h1') tag = 'h2';
      const ignored = IGNORED[child.localName] ?? [];
      const attributes = [...child.attributes]
        .filter((attribute) => !ignored.includes(attribute.name))
        .map((attribute) => ` ${attribute.name}="${escape(attribute.value).replace(/"/g, '&quot;')}"`)
        .sort()
        .join('');
      out += `<${tag}${attributes}>${VOID.has(tag) ? '' : `${walk(child, inPre || tag === 'pre')}</${tag}>`}`;
    }
    return out;
  };
  const BLOCK = /[ \t\n\r\f]*(<\/?(?:p|div|ul|ol|li|blockquote|h[1-6]|pre|table|thead|tbody|tr|th|td|hr|section)\b[^>]*>)[ \t\n\r\f]*/g;
  return walk(container, false).replace(BLOCK, '$1').trim();
}

export interface DomFindings {
  /** Elements or attributes that could run code: event handlers, script URLs, active elements. */
  readonly unsafe: string[];
  /** All text, shadow roots included, to prove the payloads arrived as text. */
  readonly text: string;
}

/**
 * Runs in the page: walks the document and every open shadow root. Serialised by Playwright, so it
 * must not refer to anything outside its own body.
 */
export function scanDom(): DomFindings {
  const unsafe: string[] = [];
  const texts: string[] = [];
  // Browsers drop ASCII whitespace and controls inside a scheme ("java\tscript:"), so the scan does too.
  const scriptUrl = /^(javascript|vbscript):|^data:text\/html/i;
  const visit = (root: Document | ShadowRoot): void => {
    for (const element of Array.from(root.querySelectorAll('*'))) {
      const tag = element.localName;
      if (tag === 'script' && !element.hasAttribute('src')) unsafe.push(`inline <script> ${element.textContent?.slice(0, 60) ?? ''}`);
      if (['iframe', 'object', 'embed', 'base', 'meta', 'math', 'foreignobject'].includes(tag) && tag !== 'meta') unsafe.push(`<${tag}>`);
      if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh') unsafe.push('<meta refresh>');
      if ((tag === 'img' && element.getAttribute('src') === 'x') || (tag === 'svg' && element.closest('article') && element.hasAttribute('onload'))) unsafe.push(`<${tag}> from a payload`);
      for (const attribute of Array.from(element.attributes)) {
        const value = attribute.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
        if (/^on/i.test(attribute.name)) unsafe.push(`${tag}[${attribute.name}]`);
        if (scriptUrl.test(value)) unsafe.push(`${tag}[${attribute.name}=${value.slice(0, 40)}]`);
      }
      for (const property of ['href', 'src', 'action', 'formAction', 'poster'] as const) {
        const value = (element as unknown as Record<string, unknown>)[property];
        if (typeof value === 'string' && scriptUrl.test(value.replace(/[\u0000-\u0020]/g, ''))) unsafe.push(`${tag}.${property}=${value.slice(0, 40)}`);
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
    if (root instanceof ShadowRoot) texts.push(root.textContent ?? '');
  };
  visit(document);
  texts.unshift(document.body.innerText, document.title, document.body.textContent ?? '');
  return { unsafe, text: texts.join('\n') };
}

/**
 * GFM task-list checkboxes come without a label; names each by its item's own text (WCAG 2.2
 * SC 4.1.2), leaving out any nested list.
 */
export function labelTaskCheckboxes(root: ParentNode): void {
  for (const box of root.querySelectorAll<HTMLInputElement>('li > input[type="checkbox"]')) {
    if (box.labels?.length || box.hasAttribute('aria-label')) continue;
    const item = box.parentElement;
    const text = [...(item?.childNodes ?? [])]
      // Text and elements only: Lit's markers are comments, whose textContent is their data.
      .filter((node) => node.nodeType === Node.TEXT_NODE || (node instanceof Element && !(node instanceof HTMLUListElement || node instanceof HTMLOListElement)))
      .map((node) => node.textContent ?? '')
      .join('')
      .trim();
    if (text !== '') box.setAttribute('aria-label', text);
  }
}

/**
 * Typography for author content: everything the Markdown renderer can emit. Lengths are in `em`
 * and `rem` so text can be resized to 200% (WCAG 2.2 SC 1.4.4) and reflows at 320 CSS px
 * (SC 1.4.10) without horizontal scrolling; long words and URLs wrap instead of overflowing.
 */
import { css } from 'lit';

export const prose = css`
  .prose {
    line-height: 1.6;
    font-size: 1.0625rem;
    overflow-wrap: break-word;
    word-break: normal;
    max-inline-size: var(--cm-measure);
  }
  .prose :where(p, ul, ol, dl, blockquote, pre, table, figure, hr, section) {
    margin-block: 0 1em;
  }
  .prose :where(h2, h3, h4, h5, h6) {
    line-height: 1.25;
    margin-block: 1.6em 0.5em;
    scroll-margin-block-start: 1rem;
  }
  .prose h2 {
    font-size: 1.5rem;
  }
  .prose h3 {
    font-size: 1.25rem;
  }
  .prose :where(h4, h5, h6) {
    font-size: 1.0625rem;
  }
  .prose :where(ul, ol) {
    padding-inline-start: 1.5em;
  }
  .prose li + li {
    margin-block-start: 0.25em;
  }
  .prose li > :where(ul, ol) {
    margin-block: 0.25em 0;
  }
  /* GFM task lists: the checkbox carries the state, the bullet would be noise. */
  .prose li:has(> input[type='checkbox']) {
    list-style: none;
  }
  .prose input[type='checkbox'] {
    margin-inline-end: 0.4em;
    accent-color: var(--cm-control-accent);
  }
  .prose blockquote {
    margin-inline: 0;
    padding-inline-start: 1em;
    border-inline-start: 4px solid var(--cm-border);
    color: var(--cm-fg);
  }
  .prose :where(code, pre) {
    font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace;
    font-size: 0.9em;
  }
  .prose :not(pre) > code {
    padding: 0.1em 0.3em;
    border-radius: 0.25em;
    background: var(--cm-surface);
    overflow-wrap: anywhere;
  }
  /* Code blocks scroll inside themselves (made keyboard-focusable by the page) rather than
     widening the page. Code is always left to right, even in right-to-left courses. */
  .prose pre {
    direction: ltr;
    text-align: left;
    overflow-x: auto;
    padding: 0.75em 1em;
    border: 1px solid var(--cm-border);
    border-radius: var(--cm-radius);
    background: var(--cm-surface);
  }
  /* Wide tables scroll horizontally inside their own box (SC 1.4.10 allows it for data tables). */
  .prose table {
    display: block;
    max-inline-size: 100%;
    overflow-x: auto;
    border-collapse: collapse;
  }
  .prose :where(th, td) {
    padding: 0.4em 0.75em;
    border: 1px solid var(--cm-border);
    text-align: start;
    vertical-align: top;
  }
  .prose th {
    background: var(--cm-surface);
  }
  .prose img {
    max-inline-size: 100%;
    block-size: auto;
  }
  /* A player embedded from another site (:::media{embed}): the frame keeps a 16:9 box from the start. */
  .prose figure.media-embed {
    margin-inline: 0;
  }
  .prose iframe.media-embed {
    display: block;
    inline-size: 100%;
    aspect-ratio: 16 / 9;
    border: 0;
    border-radius: var(--cm-radius);
    background: var(--cm-surface);
  }
  .prose figure.media-embed figcaption {
    margin-block-start: 0.5rem;
  }
  .prose hr {
    border: 0;
    border-block-start: 1px solid var(--cm-border);
    margin-block: 2em;
  }
  .prose del {
    text-decoration-thickness: 0.1em;
  }
  .prose sup {
    line-height: 0;
  }
  /* Footnotes (GFM) come as a section after the content. */
  .prose section:has(> ol) {
    font-size: 0.9375rem;
    border-block-start: 1px solid var(--cm-border);
    padding-block-start: 1em;
    margin-block-start: 2em;
  }
  .prose :where(cm-question, cm-activity, cm-content-warning, cm-note, cm-figure, cm-support-link) {
    display: block;
    margin-block: 1.5em;
  }
  .prose > :first-child {
    margin-block-start: 0;
  }
  /* Highlighted code (the build's hljs-* token classes): every colour has at least 5.9:1 contrast
     on the code block's background in light mode and 7:1 in dark mode (WCAG 2.2 SC 1.4.3 asks 4.5:1). */
  .prose pre {
    --cm-code-keyword: #8a1f8f;
    --cm-code-string: #1d6b2f;
    --cm-code-number: #95470a;
    --cm-code-comment: #5b5b66;
    --cm-code-title: #2a52a8;
    --cm-code-attr: #9b2c3a;
  }
  @media (prefers-color-scheme: dark) {
    .prose pre {
      --cm-code-keyword: #e39ff2;
      --cm-code-string: #8fd19e;
      --cm-code-number: #f2b27a;
      --cm-code-comment: #a9a9b4;
      --cm-code-title: #9fbcff;
      --cm-code-attr: #ff9eaa;
    }
  }
  @media (forced-colors: active) {
    .prose pre [class^='hljs-'] {
      color: CanvasText;
    }
  }
  .prose :where(.hljs-keyword, .hljs-selector-tag, .hljs-doctag, .hljs-meta .hljs-keyword) {
    color: var(--cm-code-keyword);
  }
  .prose :where(.hljs-string, .hljs-regexp, .hljs-addition, .hljs-meta .hljs-string) {
    color: var(--cm-code-string);
  }
  .prose :where(.hljs-number, .hljs-literal, .hljs-symbol, .hljs-bullet) {
    color: var(--cm-code-number);
  }
  .prose :where(.hljs-comment, .hljs-quote, .hljs-deletion) {
    color: var(--cm-code-comment);
    font-style: italic;
  }
  .prose :where(.hljs-title, .hljs-section, .hljs-name, .hljs-built_in, .hljs-type) {
    color: var(--cm-code-title);
  }
  .prose :where(.hljs-attr, .hljs-attribute, .hljs-property, .hljs-variable, .hljs-template-variable, .hljs-selector-class, .hljs-selector-id, .hljs-meta) {
    color: var(--cm-code-attr);
  }
  /* Displayed formulas (MathML made by the build) scroll inside themselves on narrow screens. */
  .prose .math-display {
    overflow-x: auto;
    margin-block: 1em;
  }
  .prose .math-error {
    font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace;
  }
`;

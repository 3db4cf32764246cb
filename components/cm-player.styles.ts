import { css } from 'lit';

export const playerStyles = css`
  :host {
    display: block;
    min-block-size: 100vh;
    background: var(--cm-bg);
    color: var(--cm-fg);
  }
  .skip {
    position: absolute;
    inset-inline-start: 0.5rem;
    inset-block-start: 0.5rem;
    z-index: 10;
    transform: translateY(-200%);
  }
  .skip:focus-visible {
    transform: none;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1.5rem;
    padding: 0.75rem 1rem;
    border-block-end: 1px solid var(--cm-border);
  }
  /* On the course's own surface (theme.surface), text, links, focus and the progress bar take the colour chosen for it. */
  header.branded {
    --cm-fg: var(--cm-on-brand-surface);
    --cm-link: var(--cm-on-brand-surface);
    --cm-focus: var(--cm-on-brand-surface);
    --cm-control-accent: var(--cm-on-brand-surface);
    background: var(--cm-brand-surface);
    color: var(--cm-fg);
  }
  @media (prefers-color-scheme: dark) {
    header.branded {
      --cm-fg: var(--cm-on-brand-surface-dark, var(--cm-on-brand-surface));
      --cm-link: var(--cm-on-brand-surface-dark, var(--cm-on-brand-surface));
      --cm-focus: var(--cm-on-brand-surface-dark, var(--cm-on-brand-surface));
      --cm-control-accent: var(--cm-on-brand-surface-dark, var(--cm-on-brand-surface));
      background: var(--cm-brand-surface-dark, var(--cm-brand-surface));
    }
  }
  @media (forced-colors: active) {
    header.branded {
      --cm-fg: CanvasText;
      --cm-link: LinkText;
      --cm-focus: Highlight;
      --cm-control-accent: auto;
      background: Canvas;
    }
  }
  .header-logo {
    block-size: 2.5rem;
  }
  .course-title {
    flex: 1 1 14rem;
    margin: 0;
    font-weight: 700;
    font-size: 1.125rem;
    overflow-wrap: anywhere;
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    font-size: 0.875rem;
  }
  /* The figure takes the room of "100%" from the start: a growing number would push the bar aside
     (a layout shift, Core Web Vitals CLS). An invisible line of no height holding the widest text
     gives the box its width; hidden, it is not read out. */
  #progress-text {
    display: inline-block;
    font-variant-numeric: tabular-nums;
  }
  #progress-text::after {
    content: attr(data-full);
    display: block;
    block-size: 0;
    overflow: hidden;
    visibility: hidden;
  }
  progress {
    inline-size: 8rem;
    block-size: 0.75rem;
    accent-color: var(--cm-control-accent);
  }
  .notice {
    margin: 0;
    padding: 0.75rem 1rem;
    border-block-end: 2px solid var(--cm-warning-border);
    background: var(--cm-warning-bg);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(14rem, 18rem) minmax(0, 1fr);
    align-items: start;
  }
  /* Without the contents list (the learner has left), the view takes the whole width. */
  .layout.alone {
    grid-template-columns: minmax(0, 1fr);
  }
  .exited {
    max-inline-size: var(--cm-measure);
    margin-inline: auto;
  }
  /* The contents load after the first view (their own chunk): their grid column, of a fixed
     width, is theirs before they arrive, so the view does not move when they do. */
  cm-toc {
    position: sticky;
    inset-block-start: 0;
    max-block-size: 100vh;
    overflow-y: auto;
    border-inline-end: 1px solid var(--cm-border);
  }
  main {
    min-inline-size: 0;
    padding: 2rem clamp(1rem, 4vw, 3rem) 3rem;
  }
  main:focus {
    outline: none;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.75rem;
    max-inline-size: var(--cm-measure);
    margin: 3rem auto 0;
    padding-block-start: 1.5rem;
    border-block-start: 1px solid var(--cm-border);
  }
  .pager .button {
    flex-direction: column;
    align-items: flex-start;
    max-inline-size: 100%;
  }
  .pager .next {
    margin-inline-start: auto;
    align-items: flex-end;
    text-align: end;
  }
  .pager-title {
    font-weight: 400;
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }
  .loading,
  .error {
    max-inline-size: var(--cm-measure);
    margin-inline: auto;
  }
  @media (max-width: 48rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    cm-toc {
      position: static;
      max-block-size: none;
      border-inline-end: 0;
      border-block-end: 1px solid var(--cm-border);
    }
    /* Above the view, until they arrive: the height of their collapsed state (cm-toc.ts), the
       disclosure button (2.75rem) in the list's padding (0.5rem), and the border under them. */
    cm-toc:not(:defined) {
      min-block-size: calc(3.75rem + 1px);
    }
    main {
      padding-block-start: 1.25rem;
    }
    progress {
      inline-size: 6rem;
    }
  }
`;

/**
 * Shared design tokens and base styles. Every component includes `tokens` so it works on its
 * own; the values come from custom properties the player sets on its host (`--cm-accent`,
 * `--cm-font`...), which inherit through shadow roots.
 *
 * Brand colours (styles/theme-colors.ts): `--cm-brand` and `--cm-band` are the accent and the
 * secondary colour as the author gave them, for what carries no text (brand bars, the cover's
 * band); buttons are filled with the accent, their text black or white; links, focus rings and
 * selected controls use the accent's readable shade for the scheme (`--cm-accent-text`,
 * `--cm-accent-text-dark`), and `--cm-band-text` is the secondary colour's.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --cm-bg: #ffffff;
    --cm-fg: #1b1b1f;
    --cm-muted: #595960;
    --cm-surface: #f3f3f6;
    --cm-border: #767680;
    --cm-link: var(--cm-accent-text, #3b5ba9);
    --cm-focus: var(--cm-accent-text, #3b5ba9);
    --cm-button-bg: var(--cm-accent, #3b5ba9);
    --cm-button-fg: var(--cm-on-accent, #ffffff);
    /* Checked radios and checkboxes must stand out from the page: 3:1 at least (WCAG 2.2 SC 1.4.11). */
    --cm-control-accent: var(--cm-accent-text, #3b5ba9);
    --cm-brand: var(--cm-accent, #3b5ba9);
    --cm-band: var(--cm-secondary, var(--cm-brand));
    --cm-band-text: var(--cm-secondary-text, var(--cm-muted));
    --cm-success: #1b6b34;
    --cm-danger: #a12a2f;
    --cm-warning-bg: #fff5d6;
    --cm-warning-border: #8a6100;
    --cm-note-bg: #eef2fb;
    --cm-radius: 0.375rem;
    --cm-measure: 42rem;
    color-scheme: light dark;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --cm-bg: #121212;
      --cm-fg: #ececf1;
      --cm-muted: #b4b4bd;
      --cm-surface: #1f1f24;
      --cm-border: #8e8e99;
      --cm-link: var(--cm-accent-text-dark, #9db4ff);
      --cm-focus: var(--cm-accent-text-dark, #9db4ff);
      --cm-button-bg: var(--cm-accent-dark, var(--cm-accent, #3b5ba9));
      --cm-button-fg: var(--cm-on-accent-dark, var(--cm-on-accent, #ffffff));
      --cm-control-accent: var(--cm-accent-text-dark, #9db4ff);
      --cm-brand: var(--cm-accent-dark, var(--cm-accent, #3b5ba9));
      --cm-band: var(--cm-secondary-dark, var(--cm-secondary, var(--cm-brand)));
      --cm-band-text: var(--cm-secondary-text-dark, var(--cm-muted));
      --cm-success: #7fd49a;
      --cm-danger: #ff9a9f;
      --cm-warning-bg: #332a0f;
      --cm-warning-border: #e0b84c;
      --cm-note-bg: #1d2333;
    }
  }
  /* Windows High Contrast and other forced palettes: use system colours so the user's choices win
     (WCAG 2.2 SC 1.4.11; CSS Color Adjust, forced-colors). */
  @media (forced-colors: active) {
    :host {
      --cm-bg: Canvas;
      --cm-fg: CanvasText;
      --cm-muted: CanvasText;
      --cm-surface: Canvas;
      --cm-border: CanvasText;
      --cm-link: LinkText;
      --cm-focus: Highlight;
      --cm-button-bg: ButtonFace;
      --cm-button-fg: ButtonText;
      /* The system draws checked radios and checkboxes in its own colours. */
      --cm-control-accent: auto;
      --cm-brand: CanvasText;
      --cm-band: CanvasText;
      --cm-band-text: CanvasText;
      --cm-success: CanvasText;
      --cm-danger: CanvasText;
      --cm-warning-bg: Canvas;
      --cm-warning-border: CanvasText;
      --cm-note-bg: Canvas;
    }
  }
`;

export const base = css`
  :host {
    font-family: var(--cm-font, system-ui, sans-serif);
    color: var(--cm-fg);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /* A visible focus indicator in the accent colour (WCAG 2.2 SC 2.4.7, 2.4.11). */
  :focus-visible {
    outline: 3px solid var(--cm-focus);
    outline-offset: 2px;
  }
  a {
    color: var(--cm-link);
    text-underline-offset: 0.15em;
  }
  /* Text for screen readers only; stays in the accessibility tree. */
  .vh {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  /* Buttons are at least 44 px tall: comfortable touch targets (WCAG 2.2 SC 2.5.8 asks 24 px). */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-block-size: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--cm-button-bg);
    border-radius: var(--cm-radius);
    background: var(--cm-button-bg);
    color: var(--cm-button-fg);
    font-weight: 600;
    cursor: pointer;
    text-align: center;
  }
  .button.secondary {
    background: transparent;
    color: var(--cm-link);
    border-color: currentColor;
  }
  .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .button {
      transition: filter 120ms ease-out;
    }
  }
  .button:hover {
    filter: brightness(1.1);
  }
`;




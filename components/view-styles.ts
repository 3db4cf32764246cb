import { css } from 'lit';

/** Layout shared by the player's own views (results, glossary): same measure as course pages. */
export const viewStyles = css`
  :host {
    display: block;
  }
  .view {
    max-inline-size: var(--cm-measure);
    margin-inline: auto;
    line-height: 1.6;
    font-size: 1.0625rem;
    overflow-wrap: break-word;
  }
  h1 {
    font-size: clamp(1.75rem, 1.4rem + 1.5vw, 2.25rem);
    line-height: 1.2;
    margin-block: 0 1.5rem;
  }
  h1:focus {
    outline: none;
  }
  h2 {
    font-size: 1.25rem;
    margin-block: 1.5rem 0.5rem;
  }
`;

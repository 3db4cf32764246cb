import { css } from 'lit';

/**
 * How the institution's logo (logo.ts) sits where it is shown. Apart from `renderLogo`, so the
 * player's shell can carry these few rules while the code that renders a logo loads only for a
 * course that has one.
 */
export const logoStyles = css`
  .logo {
    display: block;
    inline-size: auto;
    max-inline-size: 100%;
    object-fit: contain;
  }
  @media (prefers-color-scheme: dark) {
    .logo.plate {
      padding: 0.25rem 0.5rem;
      border-radius: var(--cm-radius);
      background: #ffffff;
    }
    .branded .logo.plate {
      padding: 0;
      background: none;
    }
  }
`;

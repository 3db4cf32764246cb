import { html, nothing, type TemplateResult } from 'lit';
import type { LogoData } from './course-data.js';
import { safeUrl } from './url-policy.js';

/**
 * The institution's logo (course.yaml `theme.logo`), in its dark-mode version when the course has
 * one. Without one, a logo drawn for light backgrounds sits on a light plate in dark mode, where it
 * would vanish; on the course's own brand surface it is shown as it is. Its styles: logo-styles.ts.
 */
export function renderLogo(logo: LogoData | undefined, className: string): TemplateResult | typeof nothing {
  if (logo === undefined) return nothing;
  // Its width and height give the box its shape before the file arrives: the title beside it stays put.
  const width = logo.width ?? nothing;
  const height = logo.height ?? nothing;
  if (logo.dark === undefined) return html`<img class=${`logo plate ${className}`} src=${safeUrl(logo.src)} alt=${logo.alt} width=${width} height=${height} />`;
  return html`<picture><source media="(prefers-color-scheme: dark)" srcset=${safeUrl(logo.dark)} /><img class=${`logo ${className}`} src=${safeUrl(logo.src)} alt=${logo.alt} width=${width} height=${height} /></picture>`;
}

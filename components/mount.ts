/**
 * Starts a built course: defines the elements, creates the player and hands it the course, the
 * support panel, the page loaders and a tracking adapter. Each package target has an entry that
 * calls `mount` with its own adapter (scripts/bundle/course-plugin.ts), so a package carries only
 * the adapter it uses.
 */
import { css } from 'lit';
import { course, pages, support } from 'virtual:coursemark/course';
import type { CourseData } from './course-data.js';
import { defineElements } from './define.js';
import type { TrackingAdapter } from './tracker.js';

/**
 * The page's only document-level styles, adopted through CSSOM rather than a `<style>` element
 * so the player runs under a strict `style-src` Content Security Policy.
 */
const documentStyles = css`
  html {
    color-scheme: light dark;
  }
  body {
    margin: 0;
  }
`;

export function mount(createTrackingAdapter: (course: CourseData) => TrackingAdapter, target: HTMLElement = document.body): HTMLElement {
  defineElements();
  const sheet = documentStyles.styleSheet;
  if (sheet !== undefined) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  document.documentElement.lang = course.language;
  document.documentElement.dir = course.dir;
  const player = document.createElement('cm-player');
  player.course = course;
  player.support = support;
  player.pages = pages;
  player.adapter = createTrackingAdapter(course);
  target.append(player);
  return player;
}


/**
 * Starts a built course: defines the shell's elements, creates the player and hands it the course
 * outline, the loaders of the course details, support panel and pages, and a tracking adapter. Each
 * package target has an entry that calls `mount` with its own adapter (scripts/bundle/course-plugin.ts),
 * so a package carries only the adapter it uses. The course comes in as an argument, not an import:
 * in a package it is written by the build next to the player (scripts/bundle/course-files.ts), so
 * that the player's chunks do not change when a page does.
 */
import { css } from 'lit';
import type { PageLoader, SupportLoader } from './cm-player.js';
import type { CourseData, CourseOutline } from './course-data.js';
import type { LaunchScope } from './course-scope.js';
import { defineElements } from './define.js';
import type { TrackingAdapter } from './tracker.js';

/** What a target's tracking entry module exports (`virtual:coursemark/entry/<target>`). */
export interface TrackingEntry {
  createTrackingAdapter(course: Promise<CourseData>): TrackingAdapter;
  /** cmi5: the part of the course an AU's launch presents (course-scope.ts), or undefined for all of it. */
  readonly launchScope?: (outline: CourseOutline, search: string) => LaunchScope | undefined;
}

/** The course a player shows: what the shell paints at once, and loaders for the rest. */
export interface CourseEntry {
  readonly outline: CourseOutline;
  /** Loads the rest of the course data (questions, glossary, headings, objectives): its own chunk. */
  readonly details: () => Promise<{ readonly course: CourseData }>;
  /** Loads the support panel's content when the learner first opens it; undefined when the course has none. */
  readonly support: SupportLoader | undefined;
  /** One loader per page, in `outline.pages` order; each page is its own chunk, loaded on demand. */
  readonly pages: readonly PageLoader[];
}

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

export function mount(tracking: TrackingEntry, { outline, details, support, pages }: CourseEntry, target: HTMLElement = document.body): HTMLElement {
  defineElements();
  const sheet = documentStyles.styleSheet;
  if (sheet !== undefined) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  document.documentElement.lang = outline.language;
  document.documentElement.dir = outline.dir;
  const scope = tracking.launchScope?.(outline, location.search);
  const shown = scope?.outline ?? outline;
  const player = document.createElement('cm-player');
  player.outline = shown;
  player.support = support;
  player.pages = scope?.pages(pages) ?? pages;
  // Requests go out in the order they decide the first view: its page chunk (the largest paint) and
  // the session first, then the course details and the tracking runtime, all in parallel.
  player.preload(shown);
  const course = details().then((module) => scope?.course(module.course) ?? module.course);
  player.details = course;
  player.adapter = tracking.createTrackingAdapter(course);
  target.append(player);
  return player;
}


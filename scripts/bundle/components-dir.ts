import { fromRoot } from '../project-root.js';

/** The player's sources (components/), with a trailing slash: the root of every Vite build. */
export const componentsDir = `${fromRoot('components')}/`;

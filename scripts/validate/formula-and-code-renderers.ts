/**
 * Temml (maths) and lowlight with the highlight.js grammars (code) are a good half of the code the
 * section analysis loads, and most courses have neither formulas nor highlighted code. They are
 * therefore loaded only for a course whose text has a `$` or a code fence, before its sections are
 * analysed (analysis itself is synchronous): `loadRenderersFor(texts)` in each thread that analyses.
 */
import type { createLowlight } from 'lowlight';
import type temmlModule from 'temml';

export type Temml = typeof temmlModule;
export type Lowlight = ReturnType<typeof createLowlight>;

let temml: Temml | undefined;
let lowlight: Lowlight | undefined;

/** Whether the texts may hold maths (a `$`) or a fenced code block (its language decides highlighting). */
export function renderersNeeded(texts: Iterable<string>): { readonly math: boolean; readonly code: boolean } {
  let math = false;
  let code = false;
  for (const text of texts) {
    math ||= text.includes('$');
    code ||= text.includes('```') || text.includes('~~~');
    if (math && code) break;
  }
  return { math, code };
}

/** Loads the renderers `texts` may need (once per thread); afterwards their sections can be analysed. */
export async function loadRenderersFor(texts: Iterable<string>): Promise<void> {
  const needed = renderersNeeded(texts);
  await Promise.all([needed.math ? loadTemml() : undefined, needed.code ? loadLowlight() : undefined]);
}

async function loadTemml(): Promise<void> {
  temml ??= (await import('temml')).default;
}

async function loadLowlight(): Promise<void> {
  if (lowlight !== undefined) return;
  const { common, createLowlight } = await import('lowlight');
  // Registering a grammar runs its definition: done once, when a course first has code.
  lowlight ??= createLowlight(common);
}

/** A renderer asked for without loadRenderersFor first: a bug in coursemark, not in the course. */
export class RendererNotLoadedError extends Error {}

export function mathRenderer(): Temml {
  if (temml === undefined) throw new RendererNotLoadedError('The maths renderer was not loaded before the section was analysed (loadRenderersFor).');
  return temml;
}

export function codeHighlighter(): Lowlight {
  if (lowlight === undefined) throw new RendererNotLoadedError('The code highlighter was not loaded before the section was analysed (loadRenderersFor).');
  return lowlight;
}

import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../../scripts/limits/input-limits.js';
import { analyzeInParallel, parseWorkerScript } from '../../scripts/parse/parse-pool.js';
import { checkCourse, checkCourseAsync } from '../../scripts/pipeline.js';
import { renderModules } from '../../scripts/render/render-modules.js';
import { RendererNotLoadedError, renderersNeeded } from '../../scripts/validate/formula-and-code-renderers.js';
import type { SectionAnalysis } from '../../scripts/parse/section-analysis.js';
import { baseConfig, courseFromStrings } from './helpers/course-from-strings.js';

// Temml and the highlighter load only for a course that may need them. This file runs in a fresh
// module graph (vitest isolates test files), so nothing has loaded them before these tests.

const withMathsAndCode = '---\ntitle: A\n---\n\nInline $a^2$.\n\n```js\nconst a = 1;\n```\n';
const course = () => courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': withMathsAndCode });
const render = (model: Parameters<typeof renderModules>[0]) => renderModules(model, { componentsImport: '/c', pageSpecifier: (id) => id, footnoteLabel: 'Notes' }).pages.get('a') ?? '';

describe('maths and code renderers, loaded on demand', () => {
  it('sees which renderers a course may need from its text', () => {
    expect(renderersNeeded(['Plain text.', 'More.'])).toEqual({ math: false, code: false });
    expect(renderersNeeded(['A price: $5.'])).toEqual({ math: true, code: false });
    expect(renderersNeeded(['~~~python\nx\n~~~', 'plain'])).toEqual({ math: false, code: true });
    expect(renderersNeeded(['```\nx\n```', '$x$'])).toEqual({ math: true, code: true });
  });

  it('loads them in a parse worker for the sections it analyses', async () => {
    const workerUrl = parseWorkerScript();
    if (workerUrl === undefined) throw new Error('no parse worker script');
    const [result] = await analyzeInParallel([{ path: 'sections/01-a.md', text: withMathsAndCode }], defaultLimits, { workers: 1, workerUrl, shareWork: false });
    const analysis = (result instanceof Uint8Array ? deserialize(result) : result) as SectionAnalysis;
    expect(JSON.stringify(analysis.draft?.tree)).toContain('"math-inline"');
    expect(JSON.stringify(analysis.draft?.tree)).toContain('hljs-keyword');
  });

  it('refuses to analyse maths in this thread before they are loaded, and the async check loads them', async () => {
    // A plain course needs neither, and is checked without them.
    expect(checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': '---\ntitle: A\n---\n\nText.\n' })).model).toBeDefined();
    expect(() => checkCourse(course())).toThrow(RendererNotLoadedError);
    const { model } = await checkCourseAsync(course(), { threads: 0 });
    if (model === undefined) throw new Error('no model');
    expect(render(model)).toContain('<math>');
    expect(render(model)).toContain('hljs-keyword');
    // Once loaded, the synchronous check renders the same.
    const again = checkCourse(course()).model;
    if (again === undefined) throw new Error('no model');
    expect(render(again)).toBe(render(model));
  });
});

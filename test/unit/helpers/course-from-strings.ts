import { VFile } from 'vfile';
import type { CourseSource } from '../../../scripts/load/read-course-folder.js';

export const baseConfig = `id: https://example.org/courses/test
title: Test course
language: en
version: "1.0.0"
`;

/**
 * A course held in memory, for stage tests: `files` maps course paths to text. Paths not ending in
 * .md or .yaml are treated as binary assets that exist.
 */
export function courseFromStrings(files: Readonly<Record<string, string>>): CourseSource {
  const root = '/virtual/course';
  const file = (path: string): VFile | undefined => (files[path] === undefined ? undefined : new VFile({ cwd: root, path, value: files[path] }));
  const paths = Object.keys(files);
  return {
    root,
    config: file('course.yaml'),
    glossary: file('glossary.yaml'),
    sections: paths
      .filter((path) => /^sections\/[^/]+\.md$/.test(path))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((path) => file(path) as VFile),
    files: {
      has: (path) => paths.includes(path),
      caseVariant: (path) => paths.find((candidate) => candidate.toLowerCase() === path.toLowerCase()),
      svgText: (path) => (path.toLowerCase().endsWith('.svg') ? files[path] : undefined),
    },
  };
}

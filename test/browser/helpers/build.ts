import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const FIXTURE = join(REPO, 'test/fixtures/player');
const TRACKER = join(REPO, 'components/trackers/local-tracker.ts');

/** Maps the build's virtual modules to the hand-written fixture and the web tracker. */
function fixtureModules(courseFile: string, messagesFile: string): Plugin {
  return {
    name: 'coursemark-player-fixture',
    enforce: 'pre',
    resolveId(id) {
      if (id === 'virtual:coursemark/course') return courseFile;
      // The fixture's module holds every string: the shell's and the views'.
      if (id === 'virtual:coursemark/messages' || id === 'virtual:coursemark/view-messages') return messagesFile;
      if (id === 'virtual:coursemark/tracker') return TRACKER;
      return null;
    },
  };
}

export type FixtureCourse = 'course.ts' | 'course-ar.ts';

/** Builds the player fixture with Vite into a new temporary directory and returns it. */
export async function buildFixture(course: FixtureCourse = 'course.ts'): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'coursemark-player-'));
  await build({
    configFile: false,
    root: FIXTURE,
    base: './',
    publicDir: join(FIXTURE, 'public'),
    logLevel: 'warn',
    plugins: [fixtureModules(join(FIXTURE, course), join(FIXTURE, course === 'course-ar.ts' ? 'messages-ar.ts' : 'messages-en.ts'))],
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      reportCompressedSize: false,
      modulePreload: { polyfill: false },
    },
  });
  return outDir;
}

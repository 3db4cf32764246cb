import { runCli } from './measure-build.js';

/**
 * `coursemark verify <zip>` as an author runs it, `count` times one after another: each run is the
 * whole CLI process (unpacking, the package checks, Chromium, the learner's walk, the report), timed
 * from spawn to exit. Returns the wall times in ms; a run that reports a problem fails the bench.
 */
export async function measureVerify(zip: string, count: number): Promise<number[]> {
  const wallMs: number[] = [];
  for (let index = 0; index < count; index += 1) wallMs.push((await runCli(['verify', zip])).wallMs);
  return wallMs;
}

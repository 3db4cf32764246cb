import { writeFileSync } from 'node:fs';

/**
 * Stage timings for `npm run bench`. When COURSEMARK_STATS names a file, the CLI writes the time of
 * each pipeline stage and the process's resource usage there as JSON on exit; otherwise nothing.
 */
const durations: Record<string, number> = {};
// performance.now() counts from process start, so the first stage includes start-up and imports.
let last = 0;

/** Ends the current stage under `name` (stages run one after another). */
export function endStage(name: string): void {
  const now = performance.now();
  durations[name] = (durations[name] ?? 0) + (now - last);
  last = now;
}

export function writeStats(): void {
  const path = process.env.COURSEMARK_STATS;
  if (!path) return;
  const usage = process.resourceUsage();
  writeFileSync(path, JSON.stringify({ stagesMs: durations, userCpuMs: usage.userCPUTime / 1000, systemCpuMs: usage.systemCPUTime / 1000, maxRssKiB: usage.maxRSS, uptimeMs: process.uptime() * 1000 }));
}

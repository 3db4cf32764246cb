import { describe, expect, it } from 'vitest';
import { LaunchGuard } from '../../../scripts/verify/launch-guard.js';

// A run stopped by the time limit may never reach its own clean-up: the guard closes what it holds.
describe('LaunchGuard', () => {
  it('closes the servers a run still holds, once each, and any a run opens after it closed', async () => {
    const guard = new LaunchGuard(new AbortController().signal);
    const closed: string[] = [];
    const releaseA = guard.hold(async () => void closed.push('a'));
    guard.hold(async () => void closed.push('b'));
    await releaseA();
    await guard.close();
    expect(closed).toEqual(['a', 'b']);
    await releaseA();
    guard.hold(async () => void closed.push('late'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(closed).toEqual(['a', 'b', 'late']);
  });

  it('lists the addresses it refused in one finding, escaped and capped', () => {
    const guard = new LaunchGuard(new AbortController().signal);
    expect(guard.findings()).toEqual([]);
    const record = (guard as unknown as { record(url: string, what: string): void }).record.bind(guard);
    for (let index = 0; index < 8; index++) record(`http://127.0.0.1:9000/${index}\u001b[2J`, 'fetch');
    const [finding] = guard.findings();
    expect(finding).toMatch(/^The package tried to reach 8 addresses outside itself and the LMS, and verify blocked them: http:\/\/127\.0\.0\.1:9000\/0\\u001b\[2J \(fetch\), .*, and 3 more\. /);
  });
});

/**
 * Resolves once the browser has painted the current frame: a task queued from a frame callback
 * runs after that frame's rendering. A hidden document paints nothing and runs no frame callbacks:
 * then it resolves after `limit` milliseconds.
 */
export function afterPaint(limit = 100): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, limit);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
  });
}

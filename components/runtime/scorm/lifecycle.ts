/**
 * Page lifecycle for SCORM content. Only what was committed before the tab went away is safe, and
 * dismissal events come in any order and more than once (reliability R3, R9, R10):
 * - `visibilitychange` to hidden, `beforeunload` and a persisted `pagehide` (back-forward cache)
 *   commit synchronously and nothing more, since the page may come back;
 * - a non-persisted `pagehide` is the end of the launch.
 * `unload` is never used: browsers skip it and embedders may forbid it (Permissions-Policy: unload).
 */

export interface EventTargetLike {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
}

export interface HostWindow extends EventTargetLike {
  readonly document?: EventTargetLike & { readonly visibilityState?: string };
}

export interface LifecycleHandlers {
  /** Save now, synchronously: the page may be killed after this. */
  readonly hidden: () => void;
  /** The page is going away for good. */
  readonly leaving: () => void;
}

/** Starts listening; returns the function that stops. */
export function watchLifecycle(win: HostWindow, handlers: LifecycleHandlers): () => void {
  const doc = win.document;
  const onVisibility = (): void => {
    if (doc?.visibilityState === 'hidden') handlers.hidden();
  };
  const onPageHide = (event: Event): void => {
    const persisted = 'persisted' in event && event.persisted === true;
    if (persisted) handlers.hidden();
    else handlers.leaving();
  };
  const onBeforeUnload = (): void => handlers.hidden();
  doc?.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pagehide', onPageHide);
  win.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    doc?.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('pagehide', onPageHide);
    win.removeEventListener('beforeunload', onBeforeUnload);
  };
}

// The course frame's side of a Markdown edit in the preview. When an edit changed only some pages
// (not the outline, the course data or the messages), their new modules are swapped into the
// running player: the learner stays where they are, with the same session and scroll position.
// Any other edit makes the host page relaunch the frame (preview-host.js).
// Served through Vite as `virtual:coursemark/preview-frame`, so `import.meta.hot` is there.
import.meta.hot?.on('coursemark:update', async (data) => {
  for (const overlay of document.querySelectorAll('vite-error-overlay')) overlay.remove();
  const player = document.querySelector('cm-player');
  if (!Array.isArray(data?.pages) || !player?.outline) return;
  for (const id of data.pages) {
    const index = player.outline.pages.findIndex((page) => page.id === id);
    if (index < 0) continue;
    // The server has invalidated the module; the query makes the browser fetch it again.
    const module = await import(`/@id/__x00__coursemark:page/${encodeURIComponent(id)}.js?t=${Date.now()}`);
    await player.replacePage(index, module.default);
  }
});

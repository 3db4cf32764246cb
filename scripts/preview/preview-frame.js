// The course frame's side of a Markdown edit in the preview. When an edit changed only some pages
// (not the outline, the course data or the messages), their new modules are swapped into the
// running player: the learner stays where they are, with the same session and scroll position.
// Any other edit makes the host page relaunch the frame (preview-host.js).
// Served through Vite as `virtual:coursemark/preview-frame`, so `import.meta.hot` is there.
import.meta.hot?.on('coursemark:update', async (data) => {
  const player = document.querySelector('cm-player');
  if (!Array.isArray(data?.pages) || !player?.outline) return;
  for (const id of data.pages) {
    const index = player.outline.pages.findIndex((page) => page.id === id);
    if (index < 0) continue;
    // The server has invalidated the module; the query makes the browser fetch it again.
    const { default: next } = await import(/* @vite-ignore */ `/@id/__x00__coursemark:page/${encodeURIComponent(id)}.js?t=${Date.now()}`);
    // A page class is defined once under its tag (page-registry.ts) and a tag cannot be defined
    // twice, so a page already shown keeps its class and gets the new content: a generated page
    // module is a class whose only member is `renderContent` (scripts/render/render-modules.ts).
    const defined = customElements.get(`cm-page-${index}`);
    if (defined !== undefined) {
      Object.defineProperty(defined.prototype, 'renderContent', Object.getOwnPropertyDescriptor(next.prototype, 'renderContent'));
      for (const element of player.renderRoot.querySelectorAll(`cm-page-${index}`)) element.requestUpdate();
    }
    const pages = [...player.pages];
    pages[index] = () => Promise.resolve({ default: defined ?? next });
    player.pages = pages;
  }
});

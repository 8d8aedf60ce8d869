// @ts-check
// The engine's early start, on a page that has the checker: the plugin puts this file at the
// top of the page's <head>, so the worker (worker.js) boots while the browser is still reading
// the page and running Material's bundle, rather than after them. engine.js takes the worker
// over, with whatever it has said meanwhile. A classic script on purpose: an async module
// script in the <head>, measured, ran only once the page had been read. A page reached by
// Material's instant navigation never runs this; engine.js starts the worker itself there.
(() => {
  const script = /** @type {HTMLScriptElement} */ (document.currentScript);
  const worker = new Worker(new URL("worker.js", script.src), { type: "module" });
  /** @type {Event[]} */
  const said = [];
  worker.onmessage = (event) => said.push(event);
  worker.onerror = (event) => {
    event.preventDefault(); // engine.js shows it in the page
    said.push(event);
  };
  Object.assign(window, { sendorskipWorker: { worker, said } });
})();

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
  holdSearchIndex(new URL("../../search/search_index.json", script.src).href, worker);
})();

/**
 * Material's bundle requests its search index as it starts, and its search worker then builds
 * the index: about 0.1 s of CPU that competes with the engine's start (measured: ready 50 to
 * 150 ms later with it). Here that one request waits until the engine is ready or has failed,
 * or until the reader goes to the search box, whichever comes first. Material 9 offers no
 * setting for this, so the request itself is held: the first one for exactly this address,
 * between Material's open() and send(); every other request passes untouched, and both
 * methods are put back when it is let go.
 * @param {string} index
 * @param {Worker} worker
 */
function holdSearchIndex(index, worker) {
  const { open, send } = XMLHttpRequest.prototype;
  /** @type {XMLHttpRequest | null} */
  let held = null;
  /** @type {(() => void) | null} */
  let sendHeld = null;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    XMLHttpRequest.prototype.open = open;
    XMLHttpRequest.prototype.send = send;
    sendHeld?.();
  };
  /**
   * @this {XMLHttpRequest}
   * @param {string} method
   * @param {string | URL} url
   * @param {any[]} rest
   */
  function watchedOpen(method, url, ...rest) {
    if (!held && new URL(url, location.href).href === index) held = this;
    return /** @type {Function} */ (open).apply(this, [method, url, ...rest]);
  }
  /**
   * @this {XMLHttpRequest}
   * @param {Document | XMLHttpRequestBodyInit | null} [body]
   */
  function watchedSend(body) {
    if (this !== held) return send.call(this, body);
    sendHeld = () => send.call(this, body);
  }
  XMLHttpRequest.prototype.open = /** @type {typeof open} */ (watchedOpen);
  XMLHttpRequest.prototype.send = watchedSend;
  worker.addEventListener("message", ({ data }) => {
    if (data.type === "ready" || data.type === "failed") release();
  });
  worker.addEventListener("error", release);
  document.addEventListener("focusin", ({ target }) => {
    if (target instanceof Element && target.matches("[data-md-component=search-query]")) release();
  });
}

// @ts-check
// Building the page's parts. Reader text goes in only as text nodes, never as markup: every
// word comes from the package (settings.labels) or from the engine's answers.

/** @typedef {Node | string | null | undefined | false | unknown[]} Child  (arrays nest) */
/** @typedef {Record<string, string>} Words */
/** @typedef {{name: string, cited_as: string, who: string, view: string, quote: string, href?: string}} Voice */
/**
 * What the page hands the script (checker.py `settings()`).
 * @typedef {{
 *   voices: Record<string, Voice>,
 *   labels: {verdict: Words, stance: Words, severity: Words, phrase: Words},
 * }} Settings
 */

/**
 * An element with attributes (true: present, false or null: absent) and children.
 * @param {string} tag
 * @param {Record<string, string | boolean | null | undefined>} [attrs]
 * @param {...Child} children
 * @returns {HTMLElement}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class" && typeof value === "string") node.className = value;
    else if (value !== false && value != null) node.setAttribute(key, value === true ? "" : value);
  }
  append(node, children);
  return node;
}

/**
 * @param {Element} node
 * @param {Child[]} children
 */
function append(node, children) {
  for (const child of /** @type {unknown[]} */ (children.flat(Infinity))) {
    if (child == null || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : /** @type {Node} */ (child));
  }
}

/**
 * Replace what an element shows.
 * @param {Element} node
 * @param {...Child} children
 */
export function show(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/**
 * A phrase from the package with its {placeholders} filled in.
 * @param {Words} phrases
 * @param {string} key
 * @param {Record<string, string | number>} [values]
 */
export function say(phrases, key, values = {}) {
  return phrases[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
}

/**
 * The element a selector must find: the page is ours, so a miss is a bug worth an error.
 * @template {Element} [T=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @param {new () => T} [type] what it must be (an HTMLElement unless said)
 * @returns {T}
 */
export function find(root, selector, type) {
  const node = root.querySelector(selector);
  if (!(node instanceof (type || HTMLElement))) throw new Error(`checker: missing ${selector}`);
  return /** @type {T} */ (node);
}

/**
 * Save text as a file the reader downloads: made in the page, sent nowhere.
 * @param {string} text
 * @param {string} name
 * @param {string} type
 */
export function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

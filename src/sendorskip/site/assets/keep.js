// @ts-check
// Nothing typed is lost. Across instant-navigation page swaps and Back, the page's state lives
// in this module (memory only). Across a reload, only if the reader ticked "keep": then it is
// also in this tab's sessionStorage, which the browser empties when the tab closes. A shared
// link carries a situation in the URL's fragment (#situation=...), which browsers never send.

/** @typedef {{rows: number, values: (string | boolean)[]}} FormState */
/** @typedef {{form: FormState, advice?: unknown, findings?: {text: string, groups: unknown[]}}} PageState */

const KEY = "sendorskip.kept";
const SHARE = "#situation=";
/** @type {Map<string, PageState>} */
const memory = new Map();

/** @param {string} page */
export function remembered(page) {
  return memory.get(page);
}

/**
 * Keep the page's state in memory, and in this tab's storage if the reader chose to.
 * @param {string} page
 * @param {PageState} state
 * @param {boolean} inTab
 */
export function remember(page, state, inTab) {
  memory.set(page, state);
  try {
    if (inTab) sessionStorage.setItem(KEY, JSON.stringify({ page, state }));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage may be off or full; memory still holds the state for this visit.
  }
}

/**
 * What the reader kept in this tab for this page, if anything.
 * @param {string} page
 * @returns {PageState | undefined}
 */
export function keptInTab(page) {
  try {
    const kept = JSON.parse(sessionStorage.getItem(KEY) || "null");
    return kept && kept.page === page ? kept.state : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The situation a shared link carries: an object, or null when the link holds none, or the
 * string "unreadable" when it holds something that is not a JSON object.
 * @param {string} hash
 * @returns {Record<string, unknown> | null | "unreadable"}
 */
export function sharedSituation(hash) {
  if (!hash.startsWith(SHARE)) return null;
  try {
    const value = JSON.parse(decodeURIComponent(hash.slice(SHARE.length)));
    return value && typeof value === "object" && !Array.isArray(value) ? value : "unreadable";
  } catch {
    return "unreadable";
  }
}

/**
 * A link to this page that fills the form with `situation`, but for the hours since the
 * interview: a link is opened later, when they would be wrong (and the notes would say "today").
 * @param {Record<string, unknown>} situation
 */
export function shareLink(situation) {
  const lasting = { ...situation };
  delete lasting.hours_since;
  const url = new URL(location.href);
  url.hash = SHARE.slice(1) + encodeURIComponent(JSON.stringify(lasting));
  return url.href;
}

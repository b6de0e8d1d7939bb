/*
 * Site search in Material's search box, over the Pagefind bundle the build
 * writes to /pagefind/ (src/faqsite/search). No Material search plugin, no
 * worker of Material's, no patched browser API: this module drives the box's
 * markup (overrides/partials/search.html) and asks Pagefind's public API.
 *
 * - The engine (pagefind.js, its worker and WebAssembly, the index chunks of
 *   the words typed) loads on the first intent to search: focus on the box, a
 *   click on the search icon, a shortcut (/, s, f). A page view that does not
 *   search downloads nothing of it.
 * - Queries are written as the index is (src/faqsite/search/terms.py): a run
 *   of Chinese characters becomes its bigrams, so any Chinese word or part of
 *   one is found; other words go to Pagefind as typed (it lowercases, stems
 *   English, drops hyphens and dots inside a word, and matches prefixes; the
 *   index holds compounds whole, joined and by part).
 * - Each result is a question: label and title, collection and unit, and a
 *   short excerpt around the words found, with those words marked; its link
 *   carries the query (?h=), and the page it opens marks the words in the
 *   question, then drops ?h= from the address.
 * - Keyboard: / s f open the box (as in Material), Escape closes it, the
 *   arrow keys move through the results, Enter in the box opens the first.
 * - Results are built as DOM nodes from text: nothing of a query or of the
 *   index is ever parsed as HTML.
 */

const ROOT = new URL("../../", import.meta.url);
const MAX_QUERY_CHARS = 200;
const MAX_QUERY_WORDS = 16;
const SHOWN = 10;
const EXCERPT_CHARS = 120;

/* the Han ranges of src/faqsite/search/terms.py */
const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
const HAN_ONLY = new RegExp(`^[${HAN}]+$`, "u");
const WORD = new RegExp(`[${HAN}]+|[\\p{L}\\p{N}_]+(?:[-./][\\p{L}\\p{N}_]+)*`, "gu");
const INVISIBLE = /[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;
const SEPARATOR = "[-_./\\s]?";
/* English endings dropped from a query word to mark the words it stands for (Pagefind stems the search itself) */
const ENDING = /(?:ations?|ings?|ers?|ed|es|s|ly|ion|ions)$/;

function code(ch) {
  return String(ch.codePointAt(0)).padStart(6, "0");
}

/* "位置编码" -> the index's words for it (terms.py han_words) */
export function hanWords(run) {
  const chars = Array.from(run);
  if (chars.length === 1) return ["h" + code(chars[0])];
  const out = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push("h" + code(chars[i]) + code(chars[i + 1]));
  return out;
}

/* the reader's text -> the words of the query (as typed, normalized) and what Pagefind is asked */
export function queryWords(raw) {
  const text = String(raw || "").normalize("NFKC").replace(INVISIBLE, "").toLowerCase().slice(0, MAX_QUERY_CHARS);
  const words = (text.match(WORD) || []).slice(0, MAX_QUERY_WORDS);
  return { words, engine: engineQuery(words) };
}

function engineQuery(words) {
  return words.flatMap((word) => (HAN_ONLY.test(word) ? hanWords(word) : [word])).join(" ");
}

/* "light weight" -> ["lightweight"]: the query with two adjacent Latin words joined, each way */
/* the query without one of its words, shortest words first (a stray "2" before a real word) */
function lessOneWord(words) {
  if (words.length < 2) return [];
  const order = words.map((w, i) => i).sort((a, b) => Array.from(words[a]).length - Array.from(words[b]).length);
  return order.map((i) => engineQuery(words.filter((_, j) => j !== i)));
}

function joinedQueries(words) {
  const out = [];
  for (let i = 0; i + 1 < words.length; i++) {
    if (!HAN_ONLY.test(words[i]) && !HAN_ONLY.test(words[i + 1])) {
      out.push(engineQuery([...words.slice(0, i), words[i] + words[i + 1], ...words.slice(i + 2)]));
    }
  }
  return out;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/* the words of a query -> a pattern that finds them in text (for excerpts and marks) */
export function matcher(words) {
  const alternatives = [];
  for (const word of words) {
    if (HAN_ONLY.test(word)) {
      alternatives.push(escapeRegExp(word));
      const chars = Array.from(word);
      for (let i = 0; i + 1 < chars.length && chars.length > 2; i++) alternatives.push(escapeRegExp(chars[i] + chars[i + 1]));
    } else {
      const letters = Array.from(word.replace(/[-./]+/g, ""));
      if (!letters.length) continue;
      const stem = letters.length > 4 ? Array.from(letters.join("").replace(ENDING, "")) : letters;
      const kept = stem.length >= 3 ? stem : letters;
      /* "finetune" also marks "fine-tune"; "augmenting" marks "augmentation" */
      alternatives.push("(?<![\\p{L}\\p{N}])" + kept.map(escapeRegExp).join(SEPARATOR) + "[\\p{L}\\p{N}_]*");
    }
  }
  if (!alternatives.length) return null;
  alternatives.sort((a, b) => b.length - a.length);
  return new RegExp(alternatives.join("|"), "giu");
}

/* text -> [[piece, marked], ...]: the words of `pattern` marked (the text as it is) */
export function marked(text, pattern) {
  const clean = String(text || "");
  const pieces = [];
  let last = 0;
  if (pattern) {
    pattern.lastIndex = 0;
    for (const m of clean.matchAll(pattern)) {
      if (!m[0]) continue;
      if (m.index > last) pieces.push([clean.slice(last, m.index), false]);
      pieces.push([m[0], true]);
      last = m.index + m[0].length;
    }
  }
  if (last < clean.length) pieces.push([clean.slice(last), false]);
  return pieces;
}

/* text -> about EXCERPT_CHARS characters around its first match, starting and ending at a word's edge */
export function excerpt(text, pattern) {
  const chars = Array.from(String(text || "").replace(INVISIBLE, ""));
  let start = 0;
  if (pattern) {
    pattern.lastIndex = 0;
    const first = pattern.exec(chars.join(""));
    if (first) start = Math.max(0, Array.from(chars.join("").slice(0, first.index)).length - Math.floor(EXCERPT_CHARS / 4));
  }
  let end = Math.min(chars.length, start + EXCERPT_CHARS);
  if (end === chars.length) start = Math.max(0, end - EXCERPT_CHARS);
  /* not inside a Latin word: move the edges to the nearest space or punctuation within a few characters */
  const latin = (ch) => /[\p{L}\p{N}_.\-]/u.test(ch) && !HAN_ONLY.test(ch);
  const inWord = (i) => i > 0 && i < chars.length && latin(chars[i - 1]) && latin(chars[i]);
  for (let n = 0; n < 12 && start > 0 && inWord(start); n++) start++;
  for (let n = 0; n < 12 && end < chars.length && inWord(end); n++) end--;
  const pieces = marked(chars.slice(start, end).join("").trim(), pattern);
  if (start > 0) pieces.unshift(["…", false]);
  if (end < chars.length) pieces.push(["…", false]);
  return pieces;
}

let engine = null;
let ready = false;

/* Pagefind, loaded once, on the first intent to search */
export function load() {
  if (!engine) {
    engine = import(new URL("pagefind/pagefind.js", ROOT).href).then(async (pagefind) => {
      await pagefind.init();
      ready = true;
      return pagefind;
    });
    engine.catch(() => { engine = null; });
  }
  return engine;
}

/* a query -> Pagefind's results, best first (each loads its data on demand) */
async function find(raw) {
  const { words, engine: terms } = queryWords(raw);
  if (!terms) return [];
  const pagefind = await load();
  let found = await pagefind.search(terms);
  /* nothing: perhaps two of the words are one in the text ("light weight", "MobileNet V3"), or
     one word is not in the text at all ("batch_size~2^3"): the questions with all the others */
  for (const fallback of found && found.results.length ? [] : [...joinedQueries(words), ...lessOneWord(words)]) {
    const again = await pagefind.search(fallback);
    if (again && again.results.length) {
      found = again;
      break;
    }
  }
  return found && found.results ? found.results : [];
}

/* Pagefind results -> questions: {href, label, title, where, text}; href without ?h= */
async function questions(results) {
  const data = await Promise.all(results.map((result) => result.data()));
  return data.map((d) => ({
    href: new URL(d.meta.href || d.url, ROOT).href,
    label: d.meta.label || "",
    title: d.meta.title || "",
    where: d.meta.where || "",
    text: d.meta.text || "",
  }));
}

/* a query -> its first `limit` questions, best first */
export async function search(raw, limit = SHOWN) {
  return questions((await find(raw)).slice(0, limit));
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function fill(parent, pieces) {
  for (const [piece, isHit] of pieces) {
    parent.append(isHit ? element("mark", "", piece) : document.createTextNode(piece));
  }
  return parent;
}

/* one result, as Material styles its own */
function resultItem(result, query, pattern) {
  const item = element("li", "md-search-result__item");
  const link = element("a", "md-search-result__link");
  const url = new URL(result.href);
  url.searchParams.set("h", query);
  link.href = url.href;
  const article = element("article", "md-search-result__article md-typeset");
  const heading = element("h1");
  if (result.label) heading.append(element("span", "faq-search-label", result.label + " "));
  fill(heading, marked(String(result.title).replace(INVISIBLE, ""), pattern));
  article.append(heading);
  if (result.where) article.append(element("p", "faq-search-where", result.where));
  article.append(fill(element("p", "faq-search-excerpt"), excerpt(result.text, pattern)));
  link.append(article);
  item.append(link);
  return item;
}

/* the list's last item: a button that shows the next results */
function moreItem(box, more) {
  const item = element("li", "md-search-result__item faq-search-more");
  const button = element("button", "md-search-result__more faq-search-more__button", box.dataset.more);
  button.type = "button";
  button.addEventListener("click", more);
  item.append(button);
  return item;
}

function count(box, n) {
  if (n === 0) return box.dataset.none;
  if (n === 1) return box.dataset.one;
  return box.dataset.other.replace("#", String(n));
}

/* marks the words of ?h= in the question the address points at (or in the article), then drops ?h= */
function highlightLanding() {
  const url = new URL(location.href);
  const query = url.searchParams.get("h");
  if (query === null) return;
  url.searchParams.delete("h");
  history.replaceState(history.state, "", url.href);
  const pattern = matcher(queryWords(query).words);
  const article = document.querySelector(".md-content article");
  if (!pattern || !article) return;
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const inQuestion = (node) => {
    if (!target || target.tagName !== "H2") return true;
    const el = node.parentElement;
    if (!el || !(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) return target.contains(el);
    const next = Array.from(article.querySelectorAll("h2")).find(
      (h) => h !== target && target.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    return !next || !(next.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) || next.contains(el);
  };
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement && !node.parentElement.closest("script, style, .headerlink, .faq-meta, mark") && inQuestion(node)
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_REJECT,
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    const pieces = marked(node.data, pattern);
    if (!pieces.some(([, isHit]) => isHit)) continue;
    const fragment = document.createDocumentFragment();
    for (const [piece, isHit] of pieces) {
      if (!isHit) {
        fragment.append(piece);
        continue;
      }
      const mark = element("mark", "", piece);
      mark.dataset.faqHit = "";
      fragment.append(mark);
    }
    node.replaceWith(fragment);
  }
}

function setUp() {
  const toggle = document.getElementById("__search");
  const dialog = document.querySelector("[data-md-component=faq-search]");
  const input = dialog && dialog.querySelector("[data-md-component=search-query]");
  const box = dialog && dialog.querySelector("[data-md-component=search-result]");
  if (!toggle || !input || !box) return;
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const form = input.form;
  let asked = 0;
  let composing = false;

  /* the list says when it is being updated (aria-busy), for assistive technology and for tests */
  const show = (text, items, busy = false) => {
    meta.textContent = text;
    list.replaceChildren(...(items || []));
    box.setAttribute("aria-busy", String(busy));
  };
  const idle = () => show(box.dataset.placeholder);

  const start = () => {
    const pending = load();
    pending.catch(() => show(box.dataset.failed));
    return pending;
  };

  async function run() {
    const query = input.value;
    const ticket = ++asked;
    if (!queryWords(query).engine) {
      idle();
      return;
    }
    if (!ready) show(box.dataset.loading, [], true);
    else box.setAttribute("aria-busy", "true");
    try {
      const found = await find(query);
      const first = await questions(found.slice(0, SHOWN));
      if (ticket !== asked) return; /* a later keystroke has its own answer */
      const pattern = matcher(queryWords(query).words);
      show(count(box, found.length), first.map((r) => resultItem(r, query, pattern)));
      let shown = first.length;
      const more = async () => {
        box.setAttribute("aria-busy", "true");
        const next = await questions(found.slice(shown, shown + SHOWN));
        box.setAttribute("aria-busy", "false");
        if (ticket !== asked) return;
        shown += next.length;
        const button = list.querySelector(".faq-search-more");
        if (button) button.remove();
        list.append(...next.map((r) => resultItem(r, query, pattern)));
        if (shown < found.length) list.append(moreItem(box, more));
        const links = list.querySelectorAll("a");
        if (links[shown - next.length]) links[shown - next.length].focus();
      };
      if (shown < found.length) list.append(moreItem(box, more));
    } catch (error) {
      if (ticket === asked) show(box.dataset.failed);
      console.error("search:", error);
    }
  }

  const open = () => {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
    input.select();
  };
  const close = () => {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  };

  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      start();
      if (document.activeElement !== input) input.focus();
    }
  });
  input.addEventListener("focus", () => {
    start();
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  });
  input.addEventListener("compositionstart", () => { composing = true; });
  input.addEventListener("compositionend", () => { composing = false; run(); });
  input.addEventListener("input", (event) => {
    if (!composing && !event.isComposing) run();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => {
    asked++;
    setTimeout(() => { idle(); input.focus(); });
  });
  list.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a")) close();
  });

  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target : null;
    if (!toggle.checked) {
      const editing = target && target.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])");
      if (!editing && ["/", "s", "S", "f", "F"].includes(event.key)) {
        event.preventDefault();
        open();
      }
      return;
    }
    const links = Array.from(list.querySelectorAll("a"));
    const at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!links.length || (document.activeElement !== input && at < 0)) return;
      event.preventDefault();
      const next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)].focus();
    } else if (event.key === "Enter" && document.activeElement === input && !composing && !event.isComposing) {
      event.preventDefault();
      if (links.length) {
        close();
        links[0].click();
      }
    }
  });
}

highlightLanding();
setUp();

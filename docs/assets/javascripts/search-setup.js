/*
 * Search setup, before Material's bundle reads its configuration (#__config).
 *
 * What this replaces, and why:
 *
 * 1. Index per language. Material fetches "search/search_index.json" under
 *    config.base, the site root, which with mkdocs-static-i18n is one index
 *    for every language. The faqsite plugin writes one index per language;
 *    on pages of another language than the default, config.base becomes that
 *    language's root (data-base). config.base is otherwise used only by
 *    features this site does not enable (versions, instant navigation).
 *
 * 2. Query processing. Material's worker splits a Chinese query into pieces
 *    it already knows and never keeps one that ends at the query's last
 *    character ("位置编码" becomes "位置*"), and its wildcard queries skip
 *    the stemmer that built the index ("batch_size*" finds nothing). We do
 *    not patch its minified worker: config.search points at our small worker,
 *    workers/faq-search.js, which loads Material's and only rewrites the
 *    messages going in and out of it (see that file).
 *
 * 3. Loading on demand. Material downloads the search index as soon as a
 *    page loads (at 100 times this season, 1.2 MB gzipped), whether or not
 *    the reader searches. The request is held until the reader shows an
 *    intent to search: focus on the search box, a click on the search icon,
 *    Material's search shortcuts (/, s, f) or a ?q= link. Material waits for
 *    the index as it would on a slow network.
 *
 * 4. Sitemaps. Material fetches "sitemap.xml" next to every
 *    <link rel="alternate"> in the head, expecting language roots ("/en/").
 *    Our hreflang links name the twin *page* ("/en/faq/2021-s1/issue-3/"), as
 *    search engines want, so Material would request ".../issue-3/sitemap.xml":
 *    a 404 in the console on every page (or, with absolute links, a request
 *    to the production host from a local copy). The site has one sitemap, at
 *    its root (data-sitemap), listing every page with its language
 *    alternates, exactly what Material's language switch looks up: any
 *    request for a "sitemap.xml" below the root is sent there.
 *
 * 5. Input methods. Material searches on "keyup". A Chinese input method
 *    commits text with compositionend and input events, and on phones often
 *    without a keyup after it, so the committed words were never searched.
 *    After a commit we send the keyup Material waits for.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var element = document.getElementById("__config");
  if (!script || !element) return;
  var config = JSON.parse(element.textContent);
  if (script.dataset.base) {
    config.base = script.dataset.base; /* keep the trailing slash: a folder, not a file */
  }
  if (script.dataset.worker && config.search) {
    var material = new URL(config.search, location.href).href;
    var ours = new URL(script.dataset.worker, location.href);
    ours.searchParams.set("material", material);
    config.search = ours.href;
  }
  element.textContent = JSON.stringify(config);

  var wanted = /[?&]q=/.test(location.search);
  var held = [];
  function wantIndex() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (send) { send(); });
  }
  var sitemap = script.dataset.sitemap ? new URL(script.dataset.sitemap, location.href).href : null;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var target = new URL(String(url), location.href);
    if (sitemap && /\/sitemap\.xml$/.test(target.pathname) && target.href !== sitemap) args[1] = sitemap;
    this.__faqIndex = /\/search\/search_index\.json$/.test(target.pathname);
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (xhr.__faqIndex && !wanted) {
      held.push(function () { send.apply(xhr, args); });
      return undefined;
    }
    return send.apply(xhr, args);
  };
  document.addEventListener("focusin", function (event) {
    if (event.target instanceof Element && event.target.matches("input.md-search__input")) wantIndex();
  });
  document.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("label[for='__search']")) wantIndex();
  }, true);
  document.addEventListener("keydown", function (event) {
    var editing = event.target instanceof Element && event.target.closest("input, textarea, select, [contenteditable]");
    if (!editing && ["/", "s", "S", "f", "F"].indexOf(event.key) >= 0) wantIndex();
  }, true);

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.querySelector("input.md-search__input");
    if (!input) return;
    var composing = false;
    function searchNow() {
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "Process" }));
    }
    input.addEventListener("compositionstart", function () { composing = true; });
    input.addEventListener("compositionend", function () { composing = false; searchNow(); });
    input.addEventListener("input", function () {
      /* text inserted without a key release (input methods, dictation, paste,
         suggestion bars); Material ignores a value it has already searched */
      if (!composing) searchNow();
    });
  });
})();

/*
 * What this replaces, and why.
 *
 * Material for MkDocs fetches "sitemap.xml" next to every <link rel="alternate">
 * in the page head, expecting those links to be language roots ("/en/"). Our
 * hreflang links name the twin *page* ("/en/faq/2021-s1/issue-3/"), as search
 * engines want, so Material would request ".../issue-3/sitemap.xml", which does
 * not exist: a 404 in the console on every page (or, with absolute links, a
 * request to the production host from a local copy).
 *
 * The site has one sitemap, at its root, listing every page with its language
 * alternates: exactly what Material's language switch looks up. So any request
 * for a "sitemap.xml" below the root is sent to that one. Nothing else changes.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.sitemap) return;
  var sitemap = new URL(script.dataset.sitemap, location.href).href;
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    try {
      var target = new URL(String(url), location.href);
      if (/\/sitemap\.xml$/.test(target.pathname) && target.href !== sitemap) {
        args[1] = sitemap;
      }
    } catch (error) {
      /* not a URL we know how to read: leave it alone */
    }
    return open.apply(this, args);
  };
})();

/*
 * The language switch leads to the same page in the other language (the links
 * come from mkdocs-static-i18n). Questions share their ids across languages
 * (#q3-2 in both), so we also carry the fragment: a reader who came through a
 * question permalink lands on the same question. Links are rewritten on load
 * and whenever the fragment changes, so copying or middle-clicking them works too.
 */
(function () {
  "use strict";
  function update() {
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href, location.href);
      url.hash = location.hash;
      links[i].href = url.href;
    }
  }
  update();
  window.addEventListener("hashchange", update);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update); /* Material's instant navigation, if enabled */
  }
})();

/*
 * The language switch leads to the same page in the other language (the links
 * come from mkdocs-static-i18n). Questions share their ids across languages
 * (#q3-2 in both), so we also carry the fragment: a reader who came through a
 * question permalink lands on the same question. Links are rewritten on load
 * and whenever the fragment changes, so copying or middle-clicking them works too.
 * A click follows the link as written: Material's own handler (which looks the
 * page up in the sitemap and drops the fragment) does not see it.
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
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.md-select__link[hreflang]") : null;
    if (link && !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)) {
      event.stopImmediatePropagation(); /* capture phase: before Material's handler on the body */
    }
  }, true);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update); /* Material's instant navigation, if enabled */
  }
})();

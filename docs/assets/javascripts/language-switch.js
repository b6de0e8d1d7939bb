/*
 * The language switch leads to the same page in the other language (the links
 * come from mkdocs-static-i18n). Questions share their ids across languages
 * (#q3-2 in both), so we also carry the fragment: a reader who came through a
 * question permalink lands on the same question, and so does one who scrolled
 * to it: Material's navigation.tracking keeps the question in view in the
 * address with replaceState, which fires no hashchange, so the links are also
 * rewritten when the reader reaches for them (pointer, focus, menu, click) and
 * at the click itself; copying or middle-clicking them works too. A question
 * the reader chose (the address at load, a link followed since) wins while its
 * heading is in view: near the end of a page, tracking names the last one.
 * A click follows the link as written: Material's own handler (which looks the
 * page up in the sitemap and drops the fragment) does not see it.
 */
(function () {
  "use strict";
  var chosen = location.hash;
  function inView(hash) {
    var el = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (!el) return false;
    var box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }
  function update() {
    var hash = chosen && chosen !== location.hash && inView(chosen) ? chosen : location.hash;
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href, location.href);
      url.hash = hash;
      links[i].href = url.href;
    }
  }
  function inSwitch(event) {
    return event.target instanceof Element ? event.target.closest(".md-select") : null;
  }
  update();
  window.addEventListener("hashchange", function () {
    chosen = location.hash;
    update();
  });
  ["pointerdown", "mouseover", "focusin", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (inSwitch(event)) update();
    }, true);
  });
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.md-select__link[hreflang]") : null;
    if (link) update(); /* the address now: the browser follows the link as it is after this event */
    if (link && !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)) {
      event.stopImmediatePropagation(); /* capture phase: before Material's handler on the body */
    }
  }, true);
  document.addEventListener("auxclick", function (event) {
    if (inSwitch(event)) update();
  }, true);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update); /* Material's instant navigation, if enabled */
  }
})();

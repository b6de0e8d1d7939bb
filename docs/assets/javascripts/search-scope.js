/*
 * Search per language. Material's bundle reads its configuration (the JSON in
 * #__config) when it loads and fetches "search/search_index.json" relative to
 * config.base, the site root: with mkdocs-static-i18n that is one index for
 * all languages. The faqsite plugin writes one index per language; on pages of
 * a language other than the default, this sets config.base to that language's
 * root (data-base), so search loads the language's own index and resolves its
 * results there. config.base is otherwise used only by features this site
 * does not enable (versions, instant navigation, outdated banner).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var element = document.getElementById("__config");
  if (!script || !element || !script.dataset.base) return;
  var config = JSON.parse(element.textContent);
  config.base = script.dataset.base; /* keep the trailing slash: a folder, not a file */
  element.textContent = JSON.stringify(config);
})();

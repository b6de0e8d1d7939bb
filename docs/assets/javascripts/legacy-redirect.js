/* The page at an old upstream path of a collection (overrides/legacy-redirect.html):
   sends an old anchor (#1, #第1期, or a heading as GitHub renders it) to its
   issue page and question, anything else to the collection page. The map is
   the JSON block #faq-legacy-targets; the collection page is this script's
   data-fallback. An external file, so that the Content-Security-Policy needs
   no inline script. */
(function () {
  "use strict";
  var script = document.currentScript;
  var fallback = script && script.getAttribute("data-fallback");
  var data = document.getElementById("faq-legacy-targets");
  var targets = {};
  try { targets = JSON.parse(data ? data.textContent : "{}"); } catch (error) { targets = {}; }
  var anchor = "";
  try { anchor = decodeURIComponent(location.hash.slice(1)); } catch (error) { anchor = location.hash.slice(1); }
  var own = Object.prototype.hasOwnProperty;
  var target = own.call(targets, anchor) ? targets[anchor]
    : own.call(targets, anchor.toLowerCase()) ? targets[anchor.toLowerCase()] : fallback;
  if (target) location.replace(target);
})();

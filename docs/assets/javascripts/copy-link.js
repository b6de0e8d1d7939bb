/*
 * The "copy link" button under each question (overrides/partials/faq-copy-link.html,
 * put there by the faqsite plugin): copies the question's permalink, the page's
 * canonical address with the question's anchor (data-permalink), and says so in
 * the status beside it, a live region that screen readers announce. Where the
 * Clipboard API is missing (a page served over plain http) or refuses, the link
 * is shown in a read-only text field, selected, for the reader to copy.
 * Strings are the button's data attributes, in the page's language.
 */
(function () {
  "use strict";
  var SHOWN_MS = 4000; /* how long "Link copied" stays */

  function permalinkOf(box) {
    /* a site built without site_url writes the bare anchor: resolve it against this page */
    var url = new URL(box.getAttribute("data-permalink") || "", location.href);
    return url.href;
  }

  function say(box, text) {
    var status = box.querySelector(".faq-share__status");
    if (!status) return;
    window.clearTimeout(Number(status.getAttribute("data-timer")) || 0);
    status.textContent = text;
    if (text) {
      status.setAttribute("data-timer", String(window.setTimeout(function () { status.textContent = ""; }, SHOWN_MS)));
    }
  }

  function showField(box, button, url) {
    var field = box.querySelector(".faq-share__field");
    if (!field) {
      field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.className = "faq-share__field";
      field.setAttribute("aria-label", button.getAttribute("data-field") || "");
      box.appendChild(field);
    }
    field.value = url;
    field.focus();
    field.select();
    var status = box.querySelector(".faq-share__status");
    if (status) {
      window.clearTimeout(Number(status.getAttribute("data-timer")) || 0);
      status.textContent = button.getAttribute("data-failed") || "";
    }
  }

  function copy(button) {
    var box = button.closest(".faq-share");
    if (!box) return;
    var url = permalinkOf(box);
    var field = box.querySelector(".faq-share__field");
    if (field) field.remove();
    var clipboard = navigator.clipboard;
    if (!clipboard || typeof clipboard.writeText !== "function") {
      showField(box, button, url);
      return;
    }
    clipboard.writeText(url).then(
      function () {
        say(box, "");
        /* a change of text, even to the same words, is announced again */
        window.setTimeout(function () { say(box, button.getAttribute("data-copied") || ""); }, 50);
      },
      function () { showField(box, button, url); }
    );
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest(".faq-share__button") : null;
    if (button) copy(button);
  });
})();

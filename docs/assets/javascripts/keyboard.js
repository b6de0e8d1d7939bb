/*
 * The keyboard in Material's drawer (the navigation on phones and tablets) and
 * in the header's toggles. Material opens the drawer and the search dialog
 * with labels of the #__drawer and #__search checkboxes, which no key reaches;
 * overrides/partials/header.html renders buttons (data-faq-toggle) instead:
 *
 * - a button toggles its checkbox as Material does (a click on it, so that
 *   "change" follows, which Material and search.js listen to) and says whether
 *   it is open (aria-expanded);
 * - opening the drawer moves the focus to its first link; Escape closes the
 *   open section of the drawer (the focus goes back to the section's toggle),
 *   then the drawer (back to the menu button); the focus also goes back to the
 *   menu button when the drawer closes around it otherwise (the overlay
 *   tapped), unless a link was followed;
 * - opening a section of the drawer from the keyboard moves the focus into it;
 * - closing the search dialog on a phone gives the focus back to its button;
 * - the focus leaving the drawer or the search dialog closes it (as Material
 *   closes its search on Tab), so that what it moves to is not under the
 *   overlay.
 *
 * What is closed is hidden by faq.css (visibility), so that none of it is a
 * Tab stop: the drawer off-screen, its sections not open, the section under
 * an open one, the search dialog on a phone.
 */
(function () {
  "use strict";
  var DRAWER = window.matchMedia("(max-width: 76.234375em)"); /* Material's: below it, the navigation is a drawer */
  var drawerToggle = document.getElementById("__drawer");
  var searchToggle = document.getElementById("__search");
  var drawer = document.querySelector(".md-sidebar--primary");
  var menuButton = document.querySelector("[data-faq-toggle='__drawer']");
  var searchButton = document.querySelector("[data-faq-toggle='__search']");
  var followed = false; /* a link in the drawer was just followed */
  var wasInDrawer = false; /* the focus, when the pointer last went down: a tap on the overlay takes it away */

  function shown(el) {
    return el.getClientRects().length > 0 && window.getComputedStyle(el).visibility === "visible";
  }

  function firstStop(root) {
    var all = root.querySelectorAll("a[href], button, input, [tabindex]");
    for (var i = 0; i < all.length; i++) {
      if (all[i].tabIndex >= 0 && !all[i].disabled && shown(all[i])) return all[i];
    }
    return null;
  }

  function focus(el) {
    if (el) el.focus({ preventScroll: true });
  }

  function set(toggle, on) {
    if (toggle && toggle.checked !== on) toggle.click(); /* as Material's own setToggle */
  }

  function sync(toggle) {
    var buttons = document.querySelectorAll("[data-faq-toggle='" + toggle.id + "']");
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-expanded", String(toggle.checked));
  }

  function inDrawerMode() {
    return DRAWER.matches && drawer && drawerToggle;
  }

  document.addEventListener("pointerdown", function () {
    wasInDrawer = !!drawer && drawer.contains(document.activeElement);
  }, true);

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var button = target && target.closest("[data-faq-toggle]");
    if (button) {
      var toggle = document.getElementById(button.getAttribute("data-faq-toggle"));
      if (!toggle) return;
      set(toggle, !toggle.checked);
      if (toggle === drawerToggle && toggle.checked) focus(firstStop(drawer));
      return;
    }
    if (drawer && target && target.closest("a[href]") && drawer.contains(target)) followed = true;
  });

  [drawerToggle, searchToggle].forEach(function (toggle) {
    if (!toggle) return;
    sync(toggle);
    toggle.addEventListener("change", function () {
      sync(toggle);
      if (toggle === drawerToggle && !toggle.checked) {
        var active = document.activeElement;
        var inside = drawer && (drawer.contains(active) || (wasInDrawer && (!active || active === document.body)));
        if (inside && !followed && menuButton && shown(menuButton)) focus(menuButton);
        followed = false;
      }
      if (toggle === searchToggle && !toggle.checked && searchButton && shown(searchButton)) {
        var dialog = document.querySelector(".md-search");
        if (dialog && (dialog.contains(document.activeElement) || document.activeElement === document.body)) {
          focus(searchButton);
        }
      }
    });
  });

  /* a section of the drawer opened from the keyboard (Enter on its toggle): the focus goes in */
  document.addEventListener("change", function (event) {
    var toggle = event.target;
    if (!inDrawerMode() || !(toggle instanceof HTMLInputElement) || !toggle.classList.contains("md-nav__toggle")) return;
    var opener = document.activeElement;
    if (!toggle.checked || !(opener instanceof HTMLLabelElement) || opener.htmlFor !== toggle.id) return;
    var section = toggle.parentElement && toggle.parentElement.querySelector(":scope > .md-nav");
    if (section) focus(firstStop(section));
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !inDrawerMode() || !drawerToggle.checked) return;
    event.preventDefault();
    /* the innermost open section around the focus, if any: close it, back to its toggle */
    var el = document.activeElement instanceof Element ? document.activeElement : null;
    var section = el && el.closest(".md-nav--primary .md-nav__toggle:checked ~ .md-nav");
    var toggle = section && section.parentElement.querySelector(":scope > .md-nav__toggle");
    if (toggle) {
      set(toggle, false);
      var item = toggle.parentElement;
      var opener = item.querySelector(":scope > .md-nav__container > label[for], :scope > label[for]");
      focus(opener && opener.tabIndex >= 0 && shown(opener) ? opener : firstStop(item.closest(".md-nav") || drawer));
      return;
    }
    set(drawerToggle, false);
    focus(menuButton);
  });

  /* the focus leaving the open drawer or search (Tab past either end) closes it, once the focus has
     moved: what it moved to keeps it */
  function closeOnLeaving(box, toggle, when) {
    if (!box || !toggle) return;
    box.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (toggle.checked && when() && next instanceof Element && !box.contains(next)) {
        window.setTimeout(function () {
          if (!box.contains(document.activeElement)) set(toggle, false);
        });
      }
    });
  }
  closeOnLeaving(drawer, drawerToggle, function () { return inDrawerMode(); });
  closeOnLeaving(document.querySelector(".md-search"), searchToggle, function () { return true; });
})();

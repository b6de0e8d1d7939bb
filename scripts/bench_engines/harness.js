/*
 * Benchmark harness for a candidate search engine (scripts/bench_engines.py).
 *
 * Loaded by a copy of a real page of the built site, next to it, with
 *   <script src="/__bench/harness.js" data-engine="pagefind|lunr" data-root="/" defer>
 * (an external script: the page's Content-Security-Policy allows scripts from
 * the site only). It does what an integration into Material's search box
 * would do, without Material's result list:
 *
 * - the engine is loaded on the first intent to search (focus on the box),
 *   as search-setup.js holds today's index until then;
 * - an input method's commit (compositionend) or an input outside a
 *   composition searches the box's value and lists the top results in
 *   <ol id="bench-results">, one link per question (a Pagefind sub-result, a
 *   lunr section), with the time from the event to the list in window.__benchLat
 *   and the time of the first list since navigation start in window.__benchFirst;
 * - window.__bench.rank(queries) ranks a list of queries directly (hit@5)
 *   and times each one (the engine alone, results' data included).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var engineName = script.dataset.engine;
  var root = new URL(script.dataset.root || "/", location.href);
  var lang = document.documentElement.lang || "zh";
  var langRoot = new URL(lang === "zh" ? "./" : lang + "/", root);
  var TOP = 5;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(s);
    });
  }

  /* Pagefind: the page's results (top 5 pages), each page's sub-results (one
     per heading with an id) ordered by their own score; more pages are read
     only when five pages gave fewer than `want` links. */
  function pagefindEngine() {
    var pf = null;
    return {
      load: async function () {
        pf = await import(new URL("pagefind/pagefind.js", root).href);
        await pf.options({ excerptLength: 24 });
        await pf.init();
      },
      search: async function (query, want) {
        var found = await pf.search(query);
        var links = [];
        var results = found ? found.results : [];
        for (var start = 0; start < results.length && (start === 0 || links.length < want) && start < 50; start += TOP) {
          var data = await Promise.all(results.slice(start, start + TOP).map(function (r) { return r.data(); }));
          data.forEach(function (page) {
            var subs = (page.sub_results || []).map(function (sub, i) {
              var score = (sub.weighted_locations || []).reduce(function (s, l) { return s + (l.balanced_score || 0); }, 0);
              return { sub: sub, score: score, i: i };
            });
            subs.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
            if (!subs.length) links.push({ href: new URL(page.url, location.href).href, title: page.meta.title });
            subs.forEach(function (s) {
              links.push({ href: new URL(s.sub.url, location.href).href, title: s.sub.title, excerpt: s.sub.excerpt });
            });
          });
        }
        return links;
      },
    };
  }

  /* lunr.js with the index prebuilt by the lunr PyPI package; queries rewritten
     by our own worker's function (faq-search.js), as today's search does. */
  function lunrEngine() {
    var index = null;
    var titles = null;
    return {
      load: async function () {
        await loadScript(new URL("__bench/lunr/lunr.min.js", root).href);
        await loadScript(new URL("assets/javascripts/workers/faq-search.js", root).href);
        var data = await (await fetch(new URL("__bench/lunr/" + lang + ".json", root))).json();
        window.lunr.tokenizer.separator = new RegExp(data.separator);
        index = window.lunr.Index.load(data.index);
        titles = data.titles;
      },
      search: async function (query, want) {
        var q = window.__faqSearch.rewriteQuery(query).query;
        var hits;
        try { hits = q ? index.search(q) : []; } catch (e) { hits = []; }
        return hits.slice(0, Math.max(want, TOP) * 4).map(function (h) {
          return { href: new URL(h.ref, langRoot).href, title: titles[h.ref] || h.ref };
        });
      },
    };
  }

  var engine = engineName === "pagefind" ? pagefindEngine() : lunrEngine();
  var loading = null;
  function ready() {
    if (!loading) loading = engine.load();
    return loading;
  }

  var list = document.createElement("ol");
  list.id = "bench-results";
  window.__benchLat = [];
  window.__benchFirst = null;
  var generation = 0;

  async function show(query, since) {
    var mine = ++generation;
    await ready();
    var links = query.trim() ? await engine.search(query, TOP) : [];
    if (mine !== generation) return; /* a later query has started */
    list.textContent = "";
    links.slice(0, TOP).forEach(function (link) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.title;
      li.appendChild(a);
      list.appendChild(li);
    });
    if (links.length) {
      var now = performance.now();
      window.__benchLat.push(now - since);
      if (window.__benchFirst === null) window.__benchFirst = now;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.body.appendChild(list);
    var input = document.querySelector("input.md-search__input");
    if (!input) return;
    var composing = false;
    input.addEventListener("focus", function () { ready(); });
    input.addEventListener("compositionstart", function () { composing = true; });
    input.addEventListener("compositionend", function () { composing = false; show(input.value, performance.now()); });
    input.addEventListener("input", function () { if (!composing) show(input.value, performance.now()); });
  });

  window.__bench = {
    ready: ready,
    rank: async function (queries) {
      await ready();
      var out = [];
      for (var i = 0; i < queries.length; i++) {
        var t0 = performance.now();
        var links = await engine.search(queries[i], TOP);
        out.push({ ms: performance.now() - t0, hrefs: links.map(function (l) { return l.href; }) });
      }
      return out;
    },
  };
})();

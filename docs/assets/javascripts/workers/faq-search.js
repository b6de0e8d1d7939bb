/*
 * Our search worker: Material's worker, with the messages to and from it rewritten.
 *
 * Loaded instead of Material's (search-setup.js points config.search here,
 * with Material's worker URL in ?material=). It changes three things and
 * leaves the rest, ranking and result rendering included, to Material.
 *
 * 1. Index (setup message). Each document gets a hidden field, "faqterms", that
 *    Material indexes but never shows: every pair of adjacent Chinese
 *    characters (bigram) of its title and text, and the parts of code
 *    identifiers (batch_size -> batch, size; tools/infer/infer.py -> tools,
 *    infer, py). Bigrams find any Chinese word, known to a dictionary or not,
 *    and any part of one (重参数 is in 重参数化). Each bigram is written as
 *    "h" + the two code points in six digits each, so that Material's own
 *    Chinese query splitting (which acts on Chinese characters) never touches
 *    it and the stemmer (which acts on letters) leaves it alone.
 *
 * 2. Query. The query is normalized (NFKC: full-width letters and
 *    punctuation become ASCII), cut to a sane length, stripped of lunr syntax
 *    and rebuilt: a Chinese run requires all its bigrams (+h...), so
 *    segmentation at index and query time is the same function; a Latin word
 *    is stemmed like the index and required as a prefix (Material's own
 *    wildcard skips the stemmer, so "batch_size*" never met the stemmed
 *    "batch_siz" of the index).
 *
 * 3. Results. Material reports, per result, which query terms it found
 *    ("Missing: ..."). Those are now our internal terms, so they are mapped
 *    back to the words the reader typed.
 */
/* global importScripts */
(function () {
  "use strict";

  var MAX_QUERY_CHARS = 200;
  var MAX_QUERY_WORDS = 16;
  var HAN = /\p{sc=Han}/u;
  var WORDS = /\p{sc=Han}+|[\p{L}\p{N}_]+(?:[.\-/][\p{L}\p{N}_]+)*/gu;
  var IDENTIFIER = /[A-Za-z0-9]+(?:[_./\-][A-Za-z0-9]+)+/g;
  var PARTS = /[A-Za-z0-9]+/g;
  var LUNR_FIELD = /(^|\s)(?:title|text|tags):/g; /* lunr's field syntax, pasted: the word after it is meant */

  function code(ch) {
    return String(ch.codePointAt(0)).padStart(6, "0");
  }

  /* "位置编码" -> ["h...位置", "h...置编", "h...编码"]; one character -> its prefix */
  function hanTerms(run) {
    var chars = Array.from(run);
    if (chars.length === 1) return ["h" + code(chars[0])];
    var terms = [];
    for (var i = 0; i + 1 < chars.length; i++) terms.push("h" + code(chars[i]) + code(chars[i + 1]));
    return terms;
  }

  /* hidden index terms for a title or text (HTML allowed: tags are dropped) */
  function indexTerms(html) {
    /* Material's build joins jieba's words with zero-width spaces: join them
       back, so that bigrams also span the words a dictionary cut apart */
    var text = String(html || "").replace(/<[^>]*>/g, " ").replace(/\u200b/g, "").normalize("NFKC");
    var out = [];
    var runs = text.match(/\p{sc=Han}+/gu) || [];
    for (var r = 0; r < runs.length; r++) out.push.apply(out, hanTerms(runs[r]));
    var ids = text.match(IDENTIFIER) || [];
    for (var i = 0; i < ids.length; i++) out.push.apply(out, ids[i].toLowerCase().match(PARTS));
    return out.join(" ");
  }

  /* a word as the index holds it: stop words dropped (""), others stemmed */
  function stemmed(word) {
    var lunr = self.lunr;
    if (!lunr) return word;
    var token = new lunr.Token(word);
    if (lunr.stopWordFilter && lunr.stopWordFilter(token) === undefined) return "";
    return lunr.stemmer ? lunr.stemmer(token).toString() : word;
  }

  /* the reader's words -> lunr query and, per word, the terms that stand for it */
  function rewriteQuery(raw) {
    var text = String(raw).normalize("NFKC").toLowerCase().slice(0, MAX_QUERY_CHARS).replace(LUNR_FIELD, " ");
    var words = (text.match(WORDS) || []).slice(0, MAX_QUERY_WORDS);
    var clauses = [];
    var meaning = [];
    for (var w = 0; w < words.length; w++) {
      var word = words[w];
      if (HAN.test(word)) {
        var terms = hanTerms(word);
        if (terms.length === 1 && Array.from(word).length === 1) {
          clauses.push(terms[0]); /* Material adds "*": every bigram that starts with it */
        } else {
          for (var t = 0; t < terms.length; t++) clauses.push("+" + terms[t]);
        }
        clauses.push(word); /* optional: lets Material highlight the words it knows */
        meaning.push({ word: word, terms: terms, all: true });
      } else {
        /* pieces between the separators of the index ("shm-size" -> shm,
           size), each stemmed like the index and required as a prefix:
           "batch_si" and "batch_size" both find batch_size, "augmenting"
           finds augmentation, and every word of the query must be there */
        var pieces = word.split(/[\-/]+|\.(?!\d)/).filter(Boolean); /* as the index separator splits */
        var keys = [];
        for (var k = 0; k < pieces.length; k++) {
          var stem = stemmed(pieces[k]);
          if (stem && keys.indexOf(stem) < 0) keys.push(stem);
        }
        for (var c = 0; c < keys.length; c++) clauses.push("+" + keys[c] + "*");
        if (keys.length) meaning.push({ word: word, terms: keys, all: true });
      }
    }
    return { query: clauses.join(" "), meaning: meaning };
  }

  /* Material's {term: found} per result -> {word the reader typed: found} */
  function rewriteTerms(found, meaning) {
    var out = {};
    for (var m = 0; m < meaning.length; m++) {
      var entry = meaning[m];
      var hits = entry.terms.map(function (term) {
        return Object.keys(found).some(function (key) { return found[key] && key.indexOf(term) === 0; });
      });
      out[entry.word] = entry.all ? hits.every(Boolean) : hits.some(Boolean);
    }
    return out;
  }

  var lastMeaning = [];

  function incoming(data) {
    if (!data) return data;
    if (data.type === 0 && data.data) {
      var setup = data.data;
      setup.config.fields = Object.assign({}, setup.config.fields, { faqterms: { boost: 1 } });
      setup.docs = setup.docs.map(function (doc) {
        return Object.assign({}, doc, { faqterms: indexTerms(doc.title) + " " + indexTerms(doc.text) });
      });
    } else if (data.type === 2) {
      var rewritten = rewriteQuery(data.data);
      lastMeaning = rewritten.meaning;
      return { type: 2, data: rewritten.query };
    }
    return data;
  }

  function outgoing(message) {
    if (message && message.type === 3 && message.data && message.data.items) {
      message.data.items.forEach(function (group) {
        group.forEach(function (result) {
          result.terms = rewriteTerms(result.terms || {}, lastMeaning);
          delete result.faqterms; /* only for the index; not sent back */
        });
      });
    }
    return message;
  }

  /* Material's worker registers one "message" listener and answers with postMessage. */
  var addEventListener = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return addEventListener(type, listener, options);
    return addEventListener(type, function (event) {
      listener({ data: incoming(event.data) });
    }, options);
  };
  var postMessage = self.postMessage.bind(self);
  self.postMessage = function (message, transfer) {
    return postMessage(outgoing(message), transfer);
  };

  /* exported for tests that load this file outside a worker */
  self.__faqSearch = { hanTerms: hanTerms, indexTerms: indexTerms, rewriteQuery: rewriteQuery };

  var material = new URL(self.location.href).searchParams.get("material");
  if (material) importScripts(material);
})();

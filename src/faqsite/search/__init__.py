"""Site search: a prebuilt, sharded index of every question, searched in the browser.

The build hands each question (its label, title, answer text and where it
lives) to Pagefind, which writes a static index split into small chunks; the
browser (docs/assets/javascripts/search.js) downloads only the chunks of the
words a reader types and the fragments of the results it shows.

- :mod:`terms`: the words a question is found by. Chinese is indexed as
  pairs of adjacent characters (bigrams), written as ASCII words, so that any
  Chinese word, or part of one, is found whatever a dictionary would say, and
  the browser turns a query into the same words with a few lines of code.
  Compound identifiers are also indexed whole, joined and by part.
- :mod:`records`: the questions of a built page, read from its HTML.
- :mod:`bundle`: the Pagefind bundle of all the records, as files.
"""

// casebook search (issue #5): results as you type under the header box, and
// the full results page at /search/?q=. No dependencies. Index text only
// ever becomes DOM text nodes and <mark> elements, never HTML.
//
// Nothing of the index loads until the reader focuses the search box (site.js
// focuses it on "/") or opens /search/ with a query. The index is written by
// src/search/: a manifest, term shards (words → stem groups → postings with
// precomputed BM25F impacts) and chunks of record summaries. fold() and
// words() mirror src/search/text.rs; the same file runs in Node for the
// relevance test, where it exports the engine instead of touching the page.
(function () {
  "use strict";
  var AL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var WORD = /[\p{Alphabetic}\p{N}]+(?:['’][\p{Alphabetic}\p{N}]+)*/gu;
  var SCORE = [];
  for (var l = 0; l < 64; l++) SCORE[l] = Math.exp(l / 16) - 1;

  // Kana voicing marks and Hangul jamo are kept and composed again, so that
  // が stays が and 한 stays 한 (src/search/text.rs, fold).
  function fold(s) {
    return s.normalize("NFKD").replace(/(?![\u3099\u309a])\p{M}/gu, "").toLowerCase().normalize("NFC");
  }
  function clean(w) {
    return w.replace(/['’]s$/, "").replace(/['’]/g, "");
  }
  // Thai, Lao, Khmer and Myanmar are one word per character, as in
  // unicode-segmentation (no dictionary).
  var ONE = /[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
  var SPLIT = new RegExp(ONE.source + "|(?:(?!" + ONE.source + ").)+", "gu");
  // Han, kana and Hangul (is_cjk in text.rs, the same ranges): a run of them
  // is cut into overlapping pairs, as the index cuts it.
  var CJK = /[\u1100-\u11ff\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3105-\u312f\u3131-\u318e\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff\u{20000}-\u{3ffff}]/u;
  var SEG = new RegExp(CJK.source + "+|(?:(?!" + CJK.source + ").)+", "gu");
  var SEGMENT = "cjk-bigram";
  function cjk1(w) { return w.length <= 2 && Array.from(w).length === 1 && CJK.test(w); }
  // A query's words (query_words in text.rs): a run of CJK letters with
  // nothing between them is its pairs, or its letter if it has one.
  function words(s) {
    var out = [], text = fold(s), re = new RegExp(WORD.source, "gu"), m, run = [], end = -1;
    function flush() {
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
    }
    function plain(w) {
      (ONE.test(w) ? w.match(SPLIT) : [w]).forEach(function (p) {
        p = clean(p);
        if (p && Array.from(p).length <= 40) out.push(p);
      });
    }
    while ((m = re.exec(text))) {
      if (!CJK.test(m[0])) { flush(); plain(m[0]); continue; }
      var at = m.index;
      m[0].match(SEG).forEach(function (p) {
        if (CJK.test(p)) {
          if (at !== end) flush();
          run.push.apply(run, Array.from(p));
          end = at + p.length;
        } else { flush(); plain(p); }
        at += p.length;
      });
    }
    flush();
    return out;
  }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  // The last i with keys[i] <= w.
  function at(keys, w) {
    var a = 0, b = keys.length - 1;
    while (a < b) { var m = (a + b + 1) >> 1; if (keys[m] <= w) a = m; else b = m - 1; }
    return a;
  }
  function lower(list, w) {
    var a = 0, b = list.length;
    while (a < b) { var m = (a + b) >> 1; if (list[m][0] < w) a = m + 1; else b = m; }
    return a;
  }
  // Optimal string alignment distance, or max + 1 once it exceeds max.
  function edits(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var pp = [], p = [], c, i, j;
    for (j = 0; j <= b.length; j++) p[j] = j;
    for (i = 1; i <= a.length; i++) {
      c = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(p[j] + 1, c[j - 1] + 1, p[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, pp[j - 2] + 1);
        c[j] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      pp = p; p = c;
    }
    return p[b.length];
  }
  // A shard: stem groups [idf × 10, postings, word...] → a sorted word list.
  function parse(raw, si) {
    var list = [], groups = raw.map(function (g, gi) {
      for (var j = 2; j < g.length; j++) list.push([g[j], gi]);
      return { k: si + ":" + gi, i: g[0] / 10, p: g[1], w: g.slice(2) };
    });
    list.sort(function (a, b) { return cmp(a[0], b[0]); });
    return { w: list, g: groups };
  }
  // Postings: a base-64 varint doc delta, then one impact character.
  function decode(g) {
    if (g.d) return g.d;
    var s = g.p, docs = [], imp = [], v = 0, sh = 0, doc = 0, i = 0;
    while (i < s.length) {
      var d = AL.indexOf(s[i++]);
      v |= (d & 31) << sh;
      if (d & 32) { sh += 5; continue; }
      doc += v; docs.push(doc); imp.push(SCORE[AL.indexOf(s[i++])]);
      v = 0; sh = 0;
    }
    return (g.d = [docs, imp]);
  }

  // load(url) → Promise of parsed JSON; url is the manifest's absolute URL.
  function Engine(url, load) {
    this.u = url; this.load = load; this.c = {};
  }
  Engine.prototype.get = function (name) {
    var c = this.c, u = new URL(name, this.u).href;
    return c[u] || (c[u] = this.load(u).catch(function (e) { delete c[u]; throw e; }));
  };
  Engine.prototype.manifest = function () {
    var self = this;
    return this.m || (this.m = this.get(this.u).then(function (m) {
      m.kindOf = [];
      m.runs.forEach(function (r) { for (var i = 0; i < r[1]; i++) m.kindOf.push(r[0]); });
      return m;
    }, function (e) { self.m = null; throw e; }));
  };
  // Loads the shards named in `need` ({index: 1}) → {index: shard}.
  Engine.prototype.shards = function (m, need) {
    var self = this, ids = Object.keys(need);
    return Promise.all(ids.map(function (i) {
      return self.get("t" + i + "." + m.terms[i] + ".json").then(function (raw) { return raw.s || (raw.s = parse(raw, i)); });
    })).then(function (list) {
      var out = {};
      ids.forEach(function (i, k) { out[i] = list[k]; });
      return out;
    });
  };
  function span(keys, lo, hi, need) {
    for (var i = at(keys, lo); i <= at(keys, hi); i++) need[i] = 1;
    return need;
  }
  // Where typo candidates for w are looked for: its two-letter prefix, or
  // three letters if that spans more than three shards.
  function near(keys, w) {
    var p = w.slice(0, 2);
    if (at(keys, p + "\uffff") - at(keys, p) > 2) p = w.slice(0, 3);
    return span(keys, p, p + "\uffff", {});
  }
  function add(t, g, q) {
    if (!(t.c[g.k] && t.c[g.k][1] >= q)) t.c[g.k] = [g, q];
  }
  function each(sh, keys, from, fn) {
    for (var i = at(keys, from); sh[i]; i++) {
      var list = sh[i].w;
      for (var j = lower(list, from); j < list.length; j++) if (fn(list[j][0], sh[i].g[list[j][1]]) === false) return;
    }
  }

  // Ranks records for `query`. `typing`: the last word may be unfinished.
  // → {hits: [[doc, score]...], hl: {word: 1}} (hl: words to highlight).
  Engine.prototype.search = function (query, typing) {
    var self = this, terms = [];
    words(query).forEach(function (w) { if (terms.indexOf(w) < 0 && terms.length < 12) terms.push(w); });
    typing = typing && /[\p{Alphabetic}\p{N}]$/u.test(query);
    return this.manifest().then(function (m) {
      // An index cut otherwise (a newer build, this script cached) would
      // not find what it should: fail, and the page offers the search page.
      if ((m.segment || SEGMENT) !== SEGMENT) throw new Error("index segment " + m.segment);
      var keys = m.keys, need = {}, stop = m.stop;
      // Stop words count for little; skip them unless there is nothing else.
      var content = terms.filter(function (w, i) { return stop.indexOf(w) < 0 || (typing && i === terms.length - 1); });
      if (content.length) terms = content;
      terms = terms.map(function (w, i) {
        // One CJK letter is looked up as the pairs it starts, too.
        var pre = (typing && i === terms.length - 1 && w.length > 1) || cjk1(w);
        span(keys, w, pre ? w + "\uffff" : w, need);
        return { w: w, pre: pre, c: {} };
      });
      return self.shards(m, need).then(function (sh) {
        var more = {};
        terms.forEach(function (t) {
          var w = t.w, found = [];
          each(sh, keys, w, function (x, g) {
            if (x === w) add(t, g, 1);
            else if (t.pre && x.indexOf(w) === 0) found.push([x, g]);
            else return false;
          });
          // Shortest first; the pairs a CJK letter starts, most frequent first.
          found.sort(cjk1(w) ? function (a, b) { return a[1].i - b[1].i; } : function (a, b) { return a[0].length - b[0].length; });
          found.slice(0, cjk1(w) ? 200 : 40).forEach(function (f) {
            add(t, f[1], 0.6 + 0.3 * w.length / f[0].length);
          });
          if (!Object.keys(t.c).length && w.length >= 5) {
            t.fz = near(keys, w);
            for (var i in t.fz) more[i] = 1;
          }
        });
        return self.shards(m, more).then(function (sh2) {
          terms.forEach(function (t) { if (t.fz) typos(t, sh2, keys); });
          return rank(m, terms);
        });
      });
    });
  };
  // Typo tolerance: one edit from 5 letters, two from 8; else the longest
  // shortening of the word (by up to 3 letters, to 4) that starts words.
  function typos(t, sh, keys) {
    var w = t.w, max = w.length >= 8 ? 2 : 1;
    for (var i in t.fz) sh[i].w.forEach(function (e) {
      var d = edits(w, e[0], max);
      if (d <= max) add(t, sh[i].g[e[1]], d === 1 ? 0.75 : 0.5);
    });
    for (var n = w.length - 1, hit = 0; !hit && n >= Math.max(4, w.length - 3); n--) {
      var p = w.slice(0, n);
      each(sh, keys, p, function (x, g) {
        if (x.indexOf(p) !== 0) return false;
        add(t, g, 0.5); hit = 1;
      });
    }
  }
  function rank(m, terms) {
    var acc = new Map(), total = 0, hl = {};
    terms.forEach(function (t) {
      var best = new Map(), weight = 0;
      for (var k in t.c) {
        var g = t.c[k][0], q = t.c[k][1], d = decode(g);
        weight = Math.max(weight, q * g.i);
        g.w.forEach(function (x) { hl[x] = 1; });
        for (var j = 0; j < d[0].length; j++) {
          var v = q * d[1][j], o = best.get(d[0][j]);
          if (!(o >= v)) best.set(d[0][j], v);
        }
      }
      total += weight;
      best.forEach(function (v, doc) {
        var a = acc.get(doc) || [0, 0];
        a[0] += v; a[1] += weight;
        acc.set(doc, a);
      });
    });
    var hits = [];
    acc.forEach(function (a, doc) {
      var cover = total ? a[1] / total : 1;
      hits.push([doc, a[0] * (0.25 + 0.75 * cover * cover), m.kindOf[doc]]);
    });
    hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return { hits: hits, hl: hl, kinds: m.kinds, help: m.help };
  }
  // Summaries of records `ids` → [{title, url, kind, label, context, text}].
  Engine.prototype.records = function (ids) {
    var self = this;
    return this.manifest().then(function (m) {
      return Promise.all(ids.map(function (id) {
        var c = Math.floor(id / m.per), h = m.chunks.substr(c * m.width, m.width);
        return self.get("r" + c + "." + h + ".json").then(function (chunk) {
          var r = chunk[id - c * m.per], k = m.kinds[r[2]];
          return { title: r[0], url: r[1], kind: k[0], label: k[1], context: r[3], text: r[4] };
        });
      }));
    });
  };

  // Text → [[text, marked]...], cut to about `len` characters around the
  // first highlighted word (whole text when len is 0).
  function snippet(text, hl, len) {
    var re = new RegExp(WORD.source, "gu"), m, marks = [];
    function mark(a, b) {
      var last = marks[marks.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b); else marks.push([a, b]);
    }
    while ((m = re.exec(text))) {
      if (!CJK.test(m[0])) { if (hl[clean(fold(m[0]))]) mark(m.index, m.index + m[0].length); continue; }
      // CJK: each pair (or letter) the query matched; other parts as words.
      var at = m.index;
      m[0].match(SEG).forEach(function (p) {
        if (!CJK.test(p)) { if (hl[clean(fold(p))]) mark(at, at + p.length); at += p.length; return; }
        var cs = Array.from(p), pos = at;
        cs.forEach(function (c, i) {
          var two = c + (cs[i + 1] || "");
          if (cs[i + 1] && hl[fold(two)]) mark(pos, pos + two.length);
          else if (hl[fold(c)]) mark(pos, pos + c.length);
          pos += c.length;
        });
        at += p.length;
      });
    }
    var start = 0, end = text.length, out = [];
    if (len && end > len) {
      // Cut at a space near where the cut would be; text without spaces
      // (Chinese, Japanese) is cut where it is.
      if (marks.length && marks[0][1] > len - 20) {
        var from = marks[0][0] - 40, sp = text.lastIndexOf(" ", from);
        start = Math.max(0, sp >= from - 20 ? sp + 1 : from);
      }
      end = Math.min(end, start + len);
      if (end < text.length) {
        var back = text.lastIndexOf(" ", end);
        end = back > start && back >= end - 20 ? back : end;
        if (/[\ud800-\udbff]/.test(text[end - 1] || "")) end--;
      }
      while (end < text.length && end > start + 1 && /[\s.,;:!?]/.test(text[end - 1])) end--;
    }
    var pos = start;
    if (start > 0) out.push(["…", false]);
    marks.forEach(function (k) {
      if (k[0] < pos || k[1] > end) return;
      if (k[0] > pos) out.push([text.slice(pos, k[0]), false]);
      out.push([text.slice(k[0], k[1]), true]);
      pos = k[1];
    });
    if (end > pos) out.push([text.slice(pos, end), false]);
    if (end < text.length && !/…$/.test(text.slice(0, end))) out.push(["…", false]);
    return out;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { Engine: Engine, fold: fold, words: words, snippet: snippet, edits: edits };
    return;
  }

  // ---- The page ----
  var doc = document, form = doc.querySelector("form[data-search]");
  if (!form) return;
  var box = form.querySelector("input"), engine = null, fresh = false;
  function eng() {
    return engine || (engine = new Engine(new URL(form.getAttribute("data-search"), location.href).href, function (u) {
      return fetch(u, { cache: fresh ? "no-cache" : "default" }).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + u);
        return r.json();
      });
    }));
  }
  // A stale manifest (a deploy replaced the shards) gets one fresh retry.
  function find(q, typing) {
    return eng().search(q, typing).catch(function (e) {
      if (fresh) throw e;
      fresh = true; engine = null;
      return eng().search(q, typing);
    });
  }
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function marked(parent, parts) {
    parts.forEach(function (p) { parent.appendChild(p[1] ? el("mark", "", p[0]) : doc.createTextNode(p[0])); });
    return parent;
  }
  // Title, badge, context and snippet of one result, inside `a`.
  function fill(a, r, hl, len) {
    a.href = r.url;
    var head = a.appendChild(el("span", "search-head"));
    marked(head.appendChild(el("span", "search-title")), snippet(r.title, hl, 0));
    head.appendChild(el("span", "search-badge search-badge-" + r.kind, r.label));
    if (r.context) a.appendChild(el("span", "search-context", r.context));
    marked(a.appendChild(el("span", "search-snippet")), snippet(r.text, hl, len));
    return a;
  }
  // The page's words (#18): the data-t-<key> attributes of `root` (the
  // header form, or the results page's form), in the page's language; with
  // `n`, the key's plural form for n (Intl.PluralRules names the forms as
  // the strings files do); {n} and the other placeholders filled as text.
  function t(root, key, n, args) {
    if (n != null) {
      var f = window.Intl && Intl.PluralRules ? new Intl.PluralRules(doc.documentElement.lang).select(n) : "other";
      key += root.hasAttribute("data-t-" + key + "_" + f) ? "_" + f : "_other";
    }
    var s = root.getAttribute("data-t-" + key) || "";
    return s.replace(/\{(\w+)\}/g, function (m, k) {
      return k === "n" && n != null ? String(n) : args && k in args ? args[k] : m;
    });
  }
  function quoted(q) { return t(form, "punct_quoted", null, { text: q.trim() }); }
  function noResults(parent, q, help) {
    parent.appendChild(el("p", "", t(form, "search_no_results_for", null, { query: q.trim() })));
    if (!help.length) return;
    // "Try {links}.": the links go where the placeholder is.
    var parts = t(form, "search_try").split("{links}");
    var p = parent.appendChild(el("p", "", parts[0]));
    help.forEach(function (h, i) {
      if (i) p.appendChild(doc.createTextNode(t(form, i === help.length - 1 ? "punct_list_or" : "punct_list_sep")));
      var a = p.appendChild(el("a", "", h.title));
      a.href = h.url;
    });
    p.appendChild(doc.createTextNode(parts.slice(1).join("")));
  }
  function searchUrl(q, kind) {
    var u = new URL(form.action, location.href);
    u.search = q ? "?q=" + encodeURIComponent(q) + (kind ? "&kind=" + kind : "") : "";
    return u.href;
  }

  // The dropdown under the header box: the WAI-ARIA APG combobox pattern.
  var SHOW = 6, list = el("ul", "search-list"), panel = el("div", "search-panel"), status = el("div", "visually-hidden");
  var items = [], active = -1, seq = 0, said, timer;
  list.id = "search-listbox"; list.setAttribute("role", "listbox"); list.setAttribute("aria-label", t(form, "search_results_label"));
  status.setAttribute("role", "status");
  panel.hidden = true;
  panel.appendChild(list);
  var note = panel.appendChild(el("div", "search-note"));
  form.appendChild(panel); form.appendChild(status);
  box.setAttribute("role", "combobox");
  box.setAttribute("aria-autocomplete", "list");
  box.setAttribute("aria-controls", list.id);
  box.setAttribute("aria-expanded", "false");
  function open(on) {
    panel.hidden = !on;
    // Wider than the box on a wide screen: open towards the roomier side.
    var r = form.getBoundingClientRect();
    panel.classList.toggle("search-panel-end", r.left + panel.offsetWidth > innerWidth - 8 && r.right > panel.offsetWidth);
    box.setAttribute("aria-expanded", String(on));
    if (!on) { move(-1); seq++; busy(!!timer); }
  }
  // aria-busy marks the list as stale while the words in the box still wait
  // for their results (typing's pause, then the fetch): assistive technology
  // holds off reading it, and a script or a test can tell when the list shown
  // is the one for what the box says.
  function busy(on) { list.setAttribute("aria-busy", String(on)); }
  function move(i) {
    if (items[active]) items[active].li.setAttribute("aria-selected", "false");
    active = i;
    if (items[i]) {
      items[i].li.setAttribute("aria-selected", "true");
      box.setAttribute("aria-activedescendant", items[i].li.id);
      items[i].li.scrollIntoView({ block: "nearest" });
    } else box.removeAttribute("aria-activedescendant");
  }
  function announce(text) {
    clearTimeout(said);
    said = setTimeout(function () { status.textContent = text; }, 400);
  }
  // Each option is the link itself (a[href] may take role=option), so a
  // click, a middle click or a long press work as on any link.
  function option(url) {
    var li = list.appendChild(el("li", "search-option")), a = li.appendChild(el("a"));
    li.setAttribute("role", "none");
    a.id = "search-option-" + items.length;
    a.setAttribute("role", "option"); a.setAttribute("aria-selected", "false");
    a.tabIndex = -1; a.href = url;
    items.push({ li: a, url: url });
    return a;
  }
  // Results follow typing after a short pause, so that the words on the way
  // to a question do not each fetch their own shards and summaries.
  function later() {
    clearTimeout(timer);
    busy(true);
    timer = setTimeout(function () { timer = null; update(); }, 120);
  }
  function update() {
    var q = box.value, n = ++seq;
    if (!words(q).some(function (w) { return w.length > 1 || cjk1(w); })) { open(false); announce(""); return; }
    busy(true);
    find(q, true).then(function (res) {
      var top = res.hits.slice(0, SHOW);
      return eng().records(top.map(function (h) { return h[0]; })).then(function (recs) {
        if (n !== seq) return;
        list.textContent = ""; note.textContent = ""; items = []; active = -1;
        box.removeAttribute("aria-activedescendant");
        recs.forEach(function (r) { fill(option(r.url), r, res.hl, 110); });
        var count = res.hits.length;
        if (count) option(searchUrl(q)).appendChild(el("span", "search-all-link", count > SHOW ? t(form, "search_see_all", count) : t(form, "search_open_page")));
        else noResults(note, q, res.help);
        list.hidden = !count;
        busy(!!timer);
        open(true);
        announce(count ? t(form, "search_live_results", count) : t(form, "search_no_results"));
      });
    }).catch(function () {
      if (n !== seq) return;
      list.hidden = true; note.textContent = t(form, "search_load_error_box");
      busy(!!timer);
      open(true);
    });
  }
  box.addEventListener("focus", function () { eng().manifest().catch(function () {}); if (box.value.trim()) update(); });
  box.addEventListener("input", later);
  box.addEventListener("blur", function () { open(false); });
  panel.addEventListener("mousedown", function (e) { e.preventDefault(); });
  box.addEventListener("keydown", function (e) {
    var n = items.length, k = e.key;
    if ((k === "ArrowDown" || k === "ArrowUp") && n) {
      e.preventDefault();
      if (panel.hidden) { open(true); return; }
      move(k === "ArrowDown" ? (active + 1) % n : active <= 0 ? n - 1 : active - 1);
    } else if (k === "Enter" && !panel.hidden && items[active]) {
      e.preventDefault();
      location.href = items[active].url;
    } else if (k === "Escape") {
      if (!panel.hidden) { e.preventDefault(); open(false); } else if (box.value) { e.preventDefault(); box.value = ""; }
    }
  });

  // The results page: /search/?q=...&kind=...
  var results = doc.getElementById("search-results");
  if (!results) return;
  var pform = doc.querySelector(".search-page-form") || form, pbox = doc.getElementById("search-page-q"), pstatus = doc.getElementById("search-status");
  var filters = doc.getElementById("search-filters"), more = doc.getElementById("search-more");
  var all = doc.querySelector(".search-all"), params = new URLSearchParams(location.search);
  var kind = params.get("kind") || "", shown = 0, last = null, pseq = 0, ptimer;
  var none = results.parentNode.insertBefore(el("div", "search-none"), results), title = doc.title;
  pbox.value = params.get("q") || "";
  [].forEach.call(doc.querySelectorAll(".search-nojs"), function (e) { e.hidden = true; });
  function page() {
    var q = pbox.value, n = ++pseq;
    history.replaceState(null, "", searchUrl(q.trim() && q, kind));
    doc.title = (q.trim() ? quoted(q) + " – " : "") + title;
    if (all) all.hidden = !!q.trim();
    if (!q.trim()) { results.textContent = none.textContent = pstatus.textContent = ""; filters.hidden = more.hidden = true; return; }
    find(q, false).then(function (res) {
      if (n !== pseq) return;
      last = res; shown = 0; results.textContent = none.textContent = "";
      var counts = {};
      res.hits.forEach(function (h) { counts[h[2]] = (counts[h[2]] || 0) + 1; });
      // A filter with nothing in it for this query falls back to all kinds.
      if (!counts[res.kinds.map(function (k) { return k[0]; }).indexOf(kind)]) kind = "";
      history.replaceState(null, "", searchUrl(q, kind));
      filters.textContent = "";
      [["", t(pform, "search_filter_all"), res.hits.length]].concat(res.kinds.map(function (k, i) { return [k[0], k[1], counts[i] || 0]; })).forEach(function (f) {
        if (!f[2] && f[0]) return;
        var b = filters.appendChild(el("button", "search-filter", f[1] + " "));
        b.type = "button";
        b.appendChild(el("span", "count", "(" + f[2] + ")"));
        b.setAttribute("aria-pressed", String(f[0] === kind));
        b.addEventListener("click", function () { kind = f[0]; page(); });
      });
      filters.hidden = !res.hits.length;
      var hits = filtered();
      pstatus.textContent = hits.length ? t(pform, "search_results_for", hits.length, { query: q.trim() }) : "";
      if (!res.hits.length) noResults(none, q, res.help);
      return next();
    }).catch(function () {
      if (n === pseq) pstatus.textContent = t(pform, "search_load_error_page");
    });
  }
  function filtered() {
    var k = last.kinds.map(function (x) { return x[0]; }).indexOf(kind);
    return last.hits.filter(function (h) { return k < 0 || h[2] === k; });
  }
  function next() {
    var n = pseq, hits = filtered().slice(shown, shown + 20);
    return eng().records(hits.map(function (h) { return h[0]; })).then(function (recs) {
      if (n !== pseq) return;
      recs.forEach(function (r) { fill(results.appendChild(el("li", "search-result")).appendChild(el("a")), r, last.hl, 260); });
      shown += recs.length;
      more.hidden = shown >= filtered().length;
    });
  }
  more.addEventListener("click", function () {
    var first = shown;
    next().then(function () { var a = results.children[first] && results.children[first].querySelector("a"); if (a) a.focus(); });
  });
  pbox.form.addEventListener("submit", function (e) { e.preventDefault(); page(); });
  pbox.addEventListener("input", function () { clearTimeout(ptimer); ptimer = setTimeout(page, 150); });
  if (pbox.value.trim()) page();
})();

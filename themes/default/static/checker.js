// casebook message checker (#7): flags a LinkedIn note as the reader types.
// No dependencies. The rules are data (content/data/checks.yaml), which the
// build writes to check/rules.json; see Renderer::check_rules for its shape.
//
// Privacy: the only request this script makes is for that rules file, and it
// stores nothing. The note is read from the text box and never leaves it.
//
// `check(text, rules)` is pure and needs no DOM, so tests/checker.rs runs this
// very file in Node against the flagship's cases and templates.
(function () {
  "use strict";

  // Characters are code points, not bytes or UTF-16 units.
  function count(text) {
    return [...text].length;
  }

  // The flags a note raises: [{rule, match}], in the order of the rules.
  // `match` is the text that matched, or "" for `missing` and `length` rules.
  function check(text, rules) {
    var flags = [];
    if (!text.trim()) return flags;
    var n = count(text);
    rules.forEach(function (rule) {
      var hit = null;
      if (rule.kind === "length") {
        if (n > rule.max) hit = ""; // the counter shows by how much
      } else {
        var m = new RegExp(rule.pattern, "iu").exec(text);
        if (rule.kind === "missing") {
          if (!m && n >= (rule.min || 0)) hit = "";
        } else if (m && !(rule.unless && new RegExp(rule.unless, "iu").test(text))) {
          hit = m[0];
        }
      }
      if (hit !== null) flags.push({ rule: rule, match: hit });
    });
    return flags;
  }

  if (typeof module !== "undefined" && module.exports) module.exports = { check: check, count: count };
  if (typeof document === "undefined") return;

  var root = document.querySelector("[data-checker]");
  if (!root || !window.fetch || !root.append) return;
  function $(name) {
    return root.querySelector("[data-checker-" + name + "]");
  }
  var box = $("text"), counter = $("count"), over = $("over"), status = $("status"), list = $("flags");
  var limit = 300, rules = null, shown = "", timer = 0;

  // An element; strings among `kids` become text nodes, never markup.
  function h(tag, cls, kids) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    e.append.apply(e, kids);
    return e;
  }

  // The page's words: the data-t-<key> attributes of the checker (see
  // shortcodes/checker.html), in the page's language. With `n`, the plural
  // form for n (Intl.PluralRules names the same forms as the strings
  // files); {n} and the other placeholders are filled as text.
  function t(key, n, args) {
    if (n != null) {
      var form = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang).select(n) : "other";
      key += root.hasAttribute("data-t-" + key + "_" + form) ? "_" + form : "_other";
    }
    var s = root.getAttribute("data-t-" + key) || "";
    return s.replace(/\{(\w+)\}/g, function (m, k) {
      return k === "n" && n != null ? String(n) : args && k in args ? args[k] : m;
    });
  }

  function say(text) {
    status.textContent = text;
  }

  function update() {
    var text = box.value, n = count(text);
    counter.textContent = n;
    over.textContent = n > limit ? t("checker_over", n - limit) : "";
    root.classList.toggle("checker-over", n > limit);
    if (!rules) return;
    var flags = check(text, rules);
    var key = flags.map(function (f) { return f.rule.id + "\n" + f.match; }).join("\n\n");
    if (key !== shown) {
      shown = key;
      list.replaceChildren.apply(list, flags.map(function (f) {
        var r = f.rule, link = h("a", "", [t("checker_see_case", null, { title: r.case.title })]);
        link.href = r.case.url;
        var head = h("span", "flag-head", [h("strong", "", [r.title])]);
        if (f.match) head.append(" ", h("q", "", [f.match]));
        return h("li", "flag", [head, r.message, " ", link]);
      }));
    }
    // Announce once the reader pauses, not on every key.
    clearTimeout(timer);
    timer = setTimeout(function () {
      say(!text.trim() ? ""
        : flags.length ? t("checker_flags", flags.length) : t("checker_no_flags"));
    }, 400);
  }

  $("nojs").hidden = true;
  $("form").hidden = false;
  box.addEventListener("input", update);
  fetch(root.getAttribute("data-checker"), { credentials: "same-origin" })
    .then(function (r) {
      if (!r.ok) throw new Error("rules: " + r.status);
      return r.json();
    })
    .then(function (d) {
      limit = d.limit;
      rules = d.rules;
      update();
    })
    .catch(function () {
      say(t("checker_load_error"));
    });
  update();
})();

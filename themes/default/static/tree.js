// casebook decision trees: step through a tree in place. No dependencies.
//
// Every step is already a static page (decide.html) that works without this
// script. Here we fetch the tree's data once (tree.json, see
// Renderer::tree_data), then draw each step in place with the same markup,
// and push a history entry with the same URL as the step's static page, so
// back, forward and reload land on the same step. Following GOV.UK's
// question pages and WAI's multi-page forms: focus moves to the new step's
// heading, a polite live region says what happened, the answers so far stay
// listed with a link to change each one, and "Start again" restarts.
// The path taken is shown, never a made-up "step X of Y".
(function () {
  "use strict";
  var root = document.querySelector(".decide[data-tree-data]");
  if (!root || !window.fetch || !history.pushState || !root.append) return;
  var view = root.querySelector(".decide-step");
  var status = root.querySelector("[data-tree-status]");
  var base = root.getAttribute("data-tree-url");
  var data, shown = pathOf(location.href);
  var loading = fetch(root.getAttribute("data-tree-data"), { credentials: "same-origin" })
    .then(function (r) {
      if (!r.ok) throw new Error("tree.json: " + r.status);
      return r.json();
    })
    .then(function (d) { data = d; });
  loading.catch(function () {}); // links then simply load the static pages

  // The decoded path of a same-origin URL, as the keys of data.steps.
  function pathOf(href) {
    var u = new URL(href, location.href);
    if (u.origin !== location.origin) return null;
    try { return decodeURI(u.pathname).replace(/index\.html$/, ""); } catch (e) { return null; }
  }

  // An element; strings among `kids` become text nodes, never markup.
  function h(tag, attrs, kids) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    e.append.apply(e, kids || []);
    return e;
  }
  // `markup` is only ever HTML from casebook's Markdown renderer, which
  // escapes raw HTML in data fields at build time; it is safe as innerHTML.
  function rich(cls, markup) {
    var e = h("div", { class: cls });
    e.innerHTML = markup;
    return e;
  }
  function link(href, kids, cls) {
    return h("a", cls ? { href: href, class: cls } : { href: href }, kids);
  }
  function hidden(text) {
    return h("span", { class: "visually-hidden" }, [text]);
  }
  // The page's words: decide.html's data-t-<key> attributes, in the page's
  // language, their {name} placeholders filled from `args` as text.
  function t(key, args) {
    var s = root.getAttribute("data-t-" + key) || "";
    return s.replace(/\{(\w+)\}/g, function (m, k) { return args && k in args ? args[k] : m; });
  }

  // Draws the step at path `p` (a key of data.steps); returns its heading.
  function render(p) {
    var node = data.nodes[data.steps[p]];
    var segs = p.slice(data.url.length).split("/").filter(Boolean);
    var out = [], answers = [], at = data.url, prev = at;
    segs.forEach(function (s) {
      var q = data.nodes[data.steps[at]];
      var o = q.o.filter(function (x) { return x[1] === s; })[0];
      answers.push(h("div", { class: "answer" }, [
        h("dt", {}, [q.q]),
        h("dd", {}, [o[0] + " ", link(at, [t("tree_change"), hidden(t("tree_change_hidden", { question: q.q }))])]),
      ]));
      prev = at;
      at += s + "/";
    });
    if (!segs.length) {
      out.push(h("h1", {}, [data.title]));
      if (data.intro) out.push(rich("prose", data.intro));
    } else {
      out.push(
        h("p", { class: "tree-back" }, [link(prev, [t("tree_back"), hidden(t("tree_back_hidden"))], "back-link")]),
        h("p", { class: "tree-kicker" }, [link(data.url, [data.title])]),
      );
    }
    var heading, step;
    if (node.o) {
      heading = h(segs.length ? "h1" : "h2", { id: "step-heading", class: "tree-question", tabindex: "-1" }, [node.q]);
      step = h("section", { class: "step question", "aria-labelledby": "step-heading" }, [heading]);
      if (node.h) step.append(rich("help", node.h));
      step.append(h("ul", { class: "options" }, node.o.map(function (o) {
        return h("li", {}, [link(p + o[1] + "/", [o[0]], "option")]);
      })));
    } else {
      heading = h("h1", { id: "step-heading", tabindex: "-1" }, [node.t]);
      step = h("section", { class: "step outcome verdict-" + node.v, "aria-labelledby": "step-heading" }, [
        h("p", { class: "verdict-label" }, [node.vl]), heading, rich("prose", node.b),
      ]);
      if (node.l.length) {
        step.append(h("h2", {}, [t("tree_read_next")]), h("ul", { class: "next-links" }, node.l.map(function (l) {
          return h("li", {}, [h("span", { class: "badge" }, [t("badge_" + l[0]) || l[0]]), " ", link(l[2], [l[1]])]);
        })));
      }
    }
    out.push(step);
    // The question comes first (on a phone it must not be below the fold),
    // then the path taken so far.
    if (segs.length) {
      out.push(h("section", { class: "answers", "aria-labelledby": "answers-heading" }, [
        h("h2", { id: "answers-heading" }, [t("tree_answers_heading")]),
        h("dl", {}, answers),
      ]));
    }
    out.push(h("p", { class: "tree-actions" },
      (segs.length ? [link(data.url, [t("tree_start_again")]), " \u00b7 "] : []).concat([link(data.map, [t("tree_see_map")])])));
    view.replaceChildren.apply(view, out);
    var title = node.o ? node.q : node.t;
    document.title = (segs.length ? title + " \u2013 " + data.title : data.title) + " \u2013 " + data.site;
    return node;
  }

  function say(msg) {
    status.textContent = "";
    setTimeout(function () { status.textContent = msg; }, 100);
  }

  // Shows step `p`; `push` adds a history entry; `msg` is announced.
  function show(p, push, msg) {
    var node = render(p);
    shown = p;
    if (push) history.pushState(null, "", p);
    // Land at the top like a new page would, unless that hides the heading.
    var heading = document.getElementById("step-heading");
    window.scrollTo({ top: 0, behavior: "instant" });
    heading.focus({ preventScroll: true });
    if (heading.getBoundingClientRect().bottom > innerHeight) heading.scrollIntoView({ behavior: "instant" });
    var next = node.o ? t("tree_live_next_question", { question: node.q }) : t("tree_live_result", { verdict: node.vl, title: node.t });
    say(msg ? msg + " " + next : next);
  }

  document.addEventListener("click", function (e) {
    if (e.defaultPrevented || e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var a = e.target.closest && e.target.closest("a[href]");
    if (!a || a.target || a.hasAttribute("download")) return;
    var p = pathOf(a.href);
    if (!p || p.indexOf(base) || (data && !data.steps[p])) return;
    e.preventDefault();
    var here = shown;
    loading.then(function () {
      if (!data.steps[p]) throw 0;
      var msg = a.classList.contains("option") ? t("tree_live_answered", { answer: a.textContent })
        : p === data.url ? t("tree_live_restarted") : p.length < here.length ? t("tree_live_went_back") : "";
      show(p, p !== here, msg);
    }).catch(function () { location.href = a.href; });
  });

  // Back and forward: draw whatever step the URL now names (the entries we
  // pushed, the page we arrived on, or a #fragment entry of either).
  window.addEventListener("popstate", function () {
    var p = pathOf(location.href);
    if (p !== shown && data && data.steps[p]) show(p, false, "");
  });
})();

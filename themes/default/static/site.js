// casebook: small enhancements for every page. The site works without them.
(function () {
  "use strict";
  // "/" focuses the search box (unless the reader is typing somewhere).
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target, tag = t && t.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
    var box = document.getElementById("site-search");
    if (box) { e.preventDefault(); box.focus(); }
  });
  // search.js loads when the reader first reaches for the search box (a
  // click, a tap, Tab or "/"), so no page pays for it up front (issue 8).
  // The search page loads it itself. Once it is in, a focus event tells it
  // the box is already in use, so what was typed meanwhile is searched.
  var form = document.querySelector("form[data-search-script]");
  if (form) {
    var src = form.getAttribute("data-search-script"), field = form.querySelector("input");
    var loaded = [].some.call(document.scripts, function (s) { return s.getAttribute("src") === src; });
    var load = function () {
      if (loaded) return;
      loaded = true;
      var s = document.createElement("script");
      s.src = src;
      s.onload = function () { if (document.activeElement === field) field.dispatchEvent(new Event("focus")); };
      document.head.appendChild(s);
    };
    form.addEventListener("focusin", load);
    form.addEventListener("pointerdown", load);
  }
  // "On this page": mark the section being read, the last heading that has
  // reached the top third of the window (at the very end of the page, the
  // last one in view). The list works without this; it only adds the mark.
  var toc = document.querySelectorAll(".toc a[href^='#']");
  if (toc.length) {
    var heads = [].map.call(toc, function (a) { return document.getElementById(decodeURIComponent(a.hash.slice(1))); });
    var queued = false;
    var mark = function () {
      queued = false;
      var doc = document.documentElement, atEnd = window.innerHeight + window.scrollY >= doc.scrollHeight - 2;
      var line = atEnd ? window.innerHeight : window.innerHeight / 3, current = -1;
      heads.forEach(function (h, k) { if (h && h.getBoundingClientRect().top <= line) current = k; });
      [].forEach.call(toc, function (a, k) {
        if (k === current) { a.setAttribute("aria-current", "true"); } else { a.removeAttribute("aria-current"); }
      });
    };
    window.addEventListener("scroll", function () {
      if (!queued) { queued = true; window.requestAnimationFrame(mark); }
    }, { passive: true });
    mark();
  }
  // Copy buttons: shown only when copying can work.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text; area.setAttribute("readonly", ""); area.className = "visually-hidden";
      document.body.appendChild(area); area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }
  var buttons = document.querySelectorAll("button[data-copy]");
  for (var i = 0; i < buttons.length; i++) {
    var b = buttons[i];
    b.hidden = false;
    b.addEventListener("click", function (e) {
      var btn = e.currentTarget, src = document.getElementById(btn.getAttribute("data-copy"));
      if (!src) return;
      var label = btn.textContent;
      copyText(src.textContent).then(function () {
        btn.textContent = "Copied"; btn.setAttribute("data-copied", "");
      }, function () {
        btn.textContent = "Select the text and copy it";
      }).then(function () {
        setTimeout(function () { btn.textContent = label; btn.removeAttribute("data-copied"); }, 2500);
      });
    });
  }
})();

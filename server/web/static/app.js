// whosaid's one script: keyboard moves between statements, and the
// citation box switches formats and copies. Everything works without it
// (links, forms, the citation text to select by hand).
"use strict";

(function () {
  function results() {
    return Array.prototype.slice.call(document.querySelectorAll(".result"));
  }

  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  function current() {
    var el = document.activeElement;
    while (el && el !== document.body) {
      if (el.classList && el.classList.contains("result")) return el;
      el = el.parentElement;
    }
    return null;
  }

  function move(step) {
    var list = results();
    if (list.length === 0) return;
    var at = list.indexOf(current());
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
    list[next].focus();
    list[next].scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (typing(ev.target)) {
      if (ev.key === "Escape") ev.target.blur();
      return;
    }
    var res = current();
    switch (ev.key) {
      case "/": {
        var q = document.getElementById("q");
        if (q) {
          ev.preventDefault();
          q.focus();
          q.select();
        }
        break;
      }
      case "j":
      case "ArrowDown":
        ev.preventDefault();
        move(1);
        break;
      case "k":
      case "ArrowUp":
        ev.preventDefault();
        move(-1);
        break;
      case "Enter":
        if (res && ev.target === res) {
          var show = res.querySelector("a.show");
          if (show) {
            ev.preventDefault();
            show.click();
          }
        }
        break;
      case "c":
        if (res) {
          var d = res.querySelector("details.cite");
          if (d) {
            ev.preventDefault();
            d.open = !d.open;
            if (d.open) d.querySelector(".cite-format").focus();
          }
        }
        break;
    }
  });

  // Citation boxes: the formats travel in data attributes, rendered (and
  // escaped) by the server.
  var formats = { text: "text", bibtex: "bibtex", csl: "csl" };

  document.addEventListener("change", function (ev) {
    var sel = ev.target;
    if (!sel.classList || !sel.classList.contains("cite-format")) return;
    var box = sel.closest("details.cite");
    var key = formats[sel.value] || "text";
    box.querySelector(".cite-out").value = box.dataset[key] || "";
    box.querySelector(".cite-status").textContent = "";
  });

  function copied(box, ok) {
    box.querySelector(".cite-status").textContent = ok ? "Copied" : "Select the text and copy it";
  }

  document.addEventListener("click", function (ev) {
    var btn = ev.target;
    if (!btn.classList || !btn.classList.contains("cite-copy")) return;
    var box = btn.closest("details.cite");
    var out = box.querySelector(".cite-out");
    var text = out.value;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(box, true); }, function () { fallback(); });
    } else {
      fallback();
    }
    function fallback() {
      out.focus();
      out.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      copied(box, ok);
    }
  });

  // Jumping to a statement in the text marks it until the next jump.
  function markTarget() {
    var old = document.querySelectorAll(".hl.target");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("target");
    var id = decodeURIComponent(location.hash.slice(1));
    var mark = id && document.getElementById(id);
    if (!mark || !mark.classList.contains("st-mark")) return;
    var n = mark.textContent.trim();
    var runs = document.querySelectorAll(".hl[data-s]");
    for (var k = 0; k < runs.length; k++) {
      if (runs[k].dataset.s.split(" ").indexOf(n) >= 0) runs[k].classList.add("target");
    }
  }
  window.addEventListener("hashchange", markTarget);
  document.addEventListener("DOMContentLoaded", markTarget);
})();

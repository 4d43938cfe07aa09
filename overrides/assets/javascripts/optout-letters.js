/*
 * Objection letters: fill the reader's details into every letter and copy a letter to the clipboard.
 * What the reader types stays in the page: it is not stored and not sent. Without this script the
 * letters show [PLACEHOLDERS] to replace by hand.
 */
(function () {
  "use strict";

  function fill(scope, field, value) {
    Array.prototype.forEach.call(scope.querySelectorAll('.optout-slot[data-slot="' + field + '"]'), function (slot) {
      if (!slot.hasAttribute("data-placeholder")) slot.setAttribute("data-placeholder", slot.textContent);
      var filled = value.trim() !== "";
      slot.textContent = filled ? value : slot.getAttribute("data-placeholder");
      slot.classList.toggle("optout-slot-filled", filled);
    });
  }

  // The letter as plain text: the subject line, a blank line, then the body with its line breaks.
  function letterText(letter) {
    var subject = letter.querySelector(".optout-letter-subject");
    var body = letter.querySelector(".optout-letter-text");
    return (subject ? subject.textContent.trim() + "\n\n" : "") + body.textContent;
  }

  function copyFallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }

  function init(root) {
    var form = root.querySelector(".optout-letter-fields");
    if (!form || root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");

    root.addEventListener("input", function (event) {
      var field = event.target.getAttribute("data-field");
      if (!field) return;
      // Fields in the shared form fill every letter; a field inside one letter (its platform) fills only that one.
      fill(event.target.closest(".optout-letter") || root, field, event.target.value);
    });

    var date = form.querySelector('[data-field="date"]');
    if (date && !date.value) {
      date.value = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "long" }).format(new Date());
      fill(root, "date", date.value);
    }

    Array.prototype.forEach.call(root.querySelectorAll(".optout-copy"), function (button) {
      var letter = button.closest(".optout-letter");
      var status = letter.querySelector(".optout-copy-status");
      button.addEventListener("click", function () {
        var text = letterText(letter);
        var done = function () { status.textContent = root.getAttribute("data-copied"); };
        var failed = function () { status.textContent = root.getAttribute("data-copy-failed"); };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { (copyFallback(text) ? done : failed)(); });
        } else {
          (copyFallback(text) ? done : failed)();
        }
      });
    });

    Array.prototype.forEach.call(root.querySelectorAll(".optout-letter-actions, .optout-letter-platform"), function (el) { el.hidden = false; });
    form.hidden = false;
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".optout-letters"), init);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

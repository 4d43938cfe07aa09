/*
 * Objection letters: choose the law and the platform, fill the reader's details into the letters, and
 * copy a letter to the clipboard. The law and platform come from the page address
 * (letters/?platform=ID&law=LAW#letter, as platform pages link here), else the law from the region the
 * reader chose in the overview (localStorage "optout-region"), else the first law. Only values that are
 * options of the page's own lists are used. What the reader types stays in the page: it is not stored
 * and not sent. Without this script every law, route and letter is shown, with [PLACEHOLDERS].
 */
(function () {
  "use strict";

  var CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

  // In Chinese text, a Latin name gets a space on each side that touches a Chinese character.
  function spaced(slot, value) {
    if (!/^zh/.test(document.documentElement.lang || "") || slot.getAttribute("data-slot") !== "platform") return value;
    var before = slot.previousSibling ? slot.previousSibling.textContent : "";
    var after = slot.nextSibling ? slot.nextSibling.textContent : "";
    if (/^[A-Za-z0-9]/.test(value) && CJK.test(before.slice(-1))) value = " " + value;
    if (/[A-Za-z0-9.]$/.test(value) && CJK.test(after.charAt(0))) value = value + " ";
    return value;
  }

  function fill(scope, field, value) {
    Array.prototype.forEach.call(scope.querySelectorAll('.optout-slot[data-slot="' + field + '"]'), function (slot) {
      if (!slot.hasAttribute("data-placeholder")) slot.setAttribute("data-placeholder", slot.textContent);
      var filled = value.trim() !== "";
      slot.textContent = filled ? spaced(slot, value.trim()) : slot.getAttribute("data-placeholder");
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

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === value; });
  }

  // The law for the reader's region, as the overview stored it (a plain code, or JSON of one).
  function regionLaw(root) {
    var region = null;
    try { region = window.localStorage.getItem("optout-region"); } catch (e) { return null; }
    if (!region) return null;
    try { var parsed = JSON.parse(region); if (typeof parsed === "string") region = parsed; } catch (e) { /* a plain code */ }
    var laws = {};
    try { laws = JSON.parse(root.getAttribute("data-region-laws") || "{}"); } catch (e) { return null; }
    return Object.prototype.hasOwnProperty.call(laws, region) ? laws[region] : null;
  }

  function showLaw(root, law) {
    Array.prototype.forEach.call(root.querySelectorAll(".optout-law"), function (section) {
      section.hidden = section.getAttribute("data-law") !== law;
    });
  }

  // Each law's routes: only the chosen platform's, or all when none is chosen.
  function showPlatform(root, platform) {
    Array.prototype.forEach.call(root.querySelectorAll(".optout-law"), function (section) {
      var shown = 0;
      Array.prototype.forEach.call(section.querySelectorAll(".optout-routes > li"), function (li) {
        var match = !platform || li.getAttribute("data-platform") === platform;
        li.hidden = !match;
        if (match) shown += 1;
      });
      var none = section.querySelector(".optout-routes-none");
      if (none) none.hidden = shown > 0;
    });
  }

  // Beside the form: the chosen platform's route under the chosen law, copied from that law's list.
  function showRoute(root, form, law, platform) {
    var box = form.querySelector(".optout-letter-to");
    if (!box) return;
    var out = box.querySelector("output");
    while (out.firstChild) out.removeChild(out.firstChild);
    var item = null;
    Array.prototype.forEach.call(root.querySelectorAll(".optout-law"), function (section) {
      if (section.getAttribute("data-law") !== law) return;
      Array.prototype.forEach.call(section.querySelectorAll(".optout-routes > li"), function (li) {
        if (li.getAttribute("data-platform") === platform) item = li;
      });
    });
    var routes = item && item.querySelector(".optout-route-list");
    if (routes) {
      out.appendChild(routes.cloneNode(true));
    } else if (platform) {
      var none = root.querySelector('.optout-law[data-law="' + law + '"] .optout-routes-none');
      if (none) out.textContent = none.textContent;
    }
    box.hidden = !platform;
  }

  function init(root) {
    var form = root.querySelector(".optout-letter-fields");
    if (!form || root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    var lawSelect = form.querySelector('[data-choose="law"]');
    var platformSelect = form.querySelector('[data-choose="platform"]');
    var nameInput = form.querySelector('[data-field="platform"]');

    root.addEventListener("input", function (event) {
      var field = event.target.getAttribute("data-field");
      if (field) fill(root, field, event.target.value);
    });

    function choosePlatform(id) {
      var option = platformSelect.options[platformSelect.selectedIndex];
      nameInput.value = id && option ? option.getAttribute("data-name") || "" : "";
      fill(root, "platform", nameInput.value);
      showPlatform(root, id);
    }

    lawSelect.addEventListener("change", function () {
      showLaw(root, lawSelect.value);
      showRoute(root, form, lawSelect.value, platformSelect.value);
    });
    platformSelect.addEventListener("change", function () {
      choosePlatform(platformSelect.value);
      showRoute(root, form, lawSelect.value, platformSelect.value);
    });

    var params = new URLSearchParams(window.location.search);
    var law = params.get("law");
    if (!law || !hasOption(lawSelect, law)) law = regionLaw(root);
    if (!law || !hasOption(lawSelect, law)) law = lawSelect.options.length ? lawSelect.options[0].value : "";
    lawSelect.value = law;
    showLaw(root, law);
    var platform = params.get("platform");
    platformSelect.value = platform && hasOption(platformSelect, platform) ? platform : "";
    choosePlatform(platformSelect.value);
    showRoute(root, form, law, platformSelect.value);

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

    Array.prototype.forEach.call(root.querySelectorAll(".optout-letter-actions"), function (el) { el.hidden = false; });
    form.hidden = false;
    // The page opened at #letter before the form was shown: bring the chosen letter's form into view.
    if (window.location.hash === "#letter") root.scrollIntoView();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".optout-letters"), init);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

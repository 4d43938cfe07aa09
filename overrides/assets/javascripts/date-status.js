/*
  Live date status. A page built before an effective date says "Takes effect on <date>"; once the
  reader's own clock reaches that date this turns it into "In effect since <date>", so a site built
  before a deadline does not mislead after it. Without JavaScript the built text stays: it names
  the date itself.

  Markup, from the `when` and `timeline` macros in overrides/partials/optout/platform.html:
    <span class="optout-when" data-date="YYYY-MM-DD" data-past="In effect since {date}"
          data-future="Takes effect on {date}">Takes effect on <time datetime="...">...</time></span>
    <span class="optout-upcoming" data-date="YYYY-MM-DD"> (upcoming)</span>
  The templates come from data/strings.yml in the page's language, so this file has no text.
*/
(function () {
  "use strict";

  // The reader's local calendar day as YYYY-MM-DD: compares with data-date as a plain string.
  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  // Rebuilds the text around the existing <time>, which keeps its datetime for machines.
  function showPast(span) {
    var time = span.querySelector("time");
    var parts = (span.getAttribute("data-past") || "").split("{date}");
    if (!time || parts.length !== 2) return;
    span.textContent = "";
    span.append(parts[0], time, parts[1]);
  }

  // Only "future" turns into "past": the build already knew what was in effect on its own date,
  // and a reader's clock set in the past should not undo that.
  function update() {
    var now = today();
    document.querySelectorAll(".optout-when[data-date]").forEach(function (span) {
      if (span.getAttribute("data-date") <= now) showPast(span);
    });
    document.querySelectorAll(".optout-upcoming[data-date]").forEach(function (label) {
      if (label.getAttribute("data-date") <= now) label.hidden = true;
    });
  }

  // Material's document$ emits on every page load, including instant navigation when enabled.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(update);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
})();

/*
 * Overview of all platforms: filter rows by region and by status, and sort by any column.
 * The table is complete without this script; it only hides rows and reorders them. With a region
 * chosen, platforms whose data says nothing about it are hidden (a button shows them, marked).
 * Each row carries data-by-region (the values that apply in each region of the filter, prepared at
 * build time) and each "effective date" line data-status and data-date.
 */
(function () {
  "use strict";

  // Today as YYYY-MM-DD in the reader's time zone, so an "upcoming" date that has passed counts as in effect.
  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function current(status, date) {
    return status === "upcoming" && date && date <= today() ? "in_effect" : status;
  }

  function init(root) {
    var form = root.querySelector(".optout-filters");
    var table = root.querySelector("table");
    if (!form || !table || !table.tBodies.length || root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var count = form.querySelector(".optout-count");

    rows.forEach(function (row) {
      row.optout = {
        byRegion: JSON.parse(row.getAttribute("data-by-region") || "{}"),
        entries: Array.prototype.slice.call(row.querySelectorAll(".optout-ov-entry")),
        cells: { "default": row.querySelector(".optout-ov-default"), opt: row.querySelector(".optout-ov-opt") }
      };
      row.optout.all = { "default": row.optout.cells["default"].textContent, opt: row.optout.cells.opt.textContent };
    });

    var toggle = form.querySelector(".optout-noinfo-toggle");
    var planLink = form.querySelector(".optout-plan-from");
    var planBase = planLink.getAttribute("href");
    var noinfoLabels = JSON.parse(root.getAttribute("data-noinfo") || "{}");
    var showNoinfo = false; // rows with no information for the chosen region are hidden until asked for

    function apply() {
      var region = form.elements.region.value;
      var wanted = form.elements.status.value;
      var shown = 0;
      var noinfo = 0;
      rows.forEach(function (row) {
        var o = row.optout;
        var entry = region ? o.byRegion[region] : null;
        var known = !region || !!entry;
        var visible;
        if (!known) {
          noinfo += 1;
          visible = showNoinfo; // the platform's data says nothing about this region
        } else if (!wanted) {
          visible = true;
        } else if (entry) {
          visible = current(entry.s, entry.d) === wanted;
        } else {
          visible = o.entries.some(function (span) {
            return current(span.getAttribute("data-status"), span.getAttribute("data-date")) === wanted;
          });
        }
        row.hidden = !visible;
        row.classList.toggle("optout-ov-noinfo", !known);
        // With a region chosen, show that region's values instead of "Varies by region", and never
        // another region's values when the platform says nothing about the chosen one.
        o.cells["default"].textContent = entry ? entry["default"] : (known ? o.all["default"] : root.getAttribute("data-no-info"));
        o.cells.opt.textContent = entry ? entry.opt : (known ? o.all.opt : root.getAttribute("data-no-info"));
        o.entries.forEach(function (span) {
          var match = !!entry && span.getAttribute("data-i") === String(entry.i);
          span.classList.toggle("optout-ov-match", match);
          span.classList.toggle("optout-ov-other", !!region && !match);
        });
        if (visible) shown += 1;
      });
      count.textContent = root.getAttribute("data-showing").replace("{shown}", shown).replace("{total}", rows.length);
      toggle.hidden = !region || noinfo === 0;
      toggle.textContent = showNoinfo ? root.getAttribute("data-hide-noinfo") : (noinfoLabels[noinfo] || "");
      toggle.setAttribute("aria-pressed", showNoinfo ? "true" : "false");
      planLink.href = planBase + (region ? "#r=" + encodeURIComponent(region) : "");
      planLink.hidden = false;
    }

    toggle.addEventListener("click", function () {
      showNoinfo = !showNoinfo;
      apply();
    });

    // Sorting: a button filling each column heading (the whole cell is the target, by mouse or
    // keyboard); a second press reverses the order. aria-sort on the heading says the current order.
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var lang = document.documentElement.lang || undefined;
    headers.forEach(function (th, index) {
      var label = th.textContent;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "optout-sort";
      button.textContent = label;
      button.title = root.getAttribute("data-sort-label").replace("{column}", label);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { sort(th, index); });
    });

    function sort(th, index) {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var numeric = th.getAttribute("data-sort-type") === "number";
      rows.sort(function (a, b) {
        var x = a.cells[index].getAttribute("data-sort") || "";
        var y = b.cells[index].getAttribute("data-sort") || "";
        if (x === "" || y === "") return x === y ? 0 : (x === "" ? 1 : -1); // no value: always last
        var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, lang);
        if (order === 0) order = a.cells[0].getAttribute("data-sort").localeCompare(b.cells[0].getAttribute("data-sort"), lang);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { tbody.appendChild(row); });
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { showNoinfo = false; setTimeout(apply, 0); }); // values reset after the event
    form.hidden = false;
    apply();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".optout-overview"), init);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

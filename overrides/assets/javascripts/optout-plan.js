/*
 * My plan: the reader picks a region and the platforms they use, and gets only the actions that apply
 * to them, in order: dates first, then settings that stop future use, then objections (with their
 * letter). The data is the JSON block the build put in the page (#optout-plan-data); nothing is
 * fetched and nothing is sent.
 *
 * The choices are kept in this browser's localStorage and in the address, so the plan can be shared
 * or moved to another device as a link:
 *   #r=EU&p=linkedin,meta   region and platforms (replaces the stored plan)
 *   #r=EU                   region only (keeps the stored platforms)
 *   #add=linkedin           adds platforms to the stored plan ("Add to my plan" links elsewhere)
 * Stored value: {"version": 1, "r": "EU", "p": ["linkedin", "meta"]}
 *
 * The calendar is an iCalendar file (RFC 5545) made in the browser: one all-day event per upcoming
 * date of the chosen platforms in the region, with the same UIDs as the site's calendar feed.
 */
(function () {
  "use strict";

  var KEY = "optout-guide:plan";
  var ID = /^[a-z0-9-]+$/;

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  // --- iCalendar ---------------------------------------------------------------------------------

  function icsText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  // Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character.
  function fold(line) {
    var encoder = new TextEncoder();
    var parts = [];
    var current = "";
    var size = 0;
    Array.from(line).forEach(function (ch) {
      var bytes = encoder.encode(ch).length;
      if (size + bytes > (parts.length ? 74 : 75)) {
        parts.push(current);
        current = "";
        size = 0;
      }
      current += ch;
      size += bytes;
    });
    parts.push(current);
    return parts.join("\r\n ");
  }

  function ics(data, events) {
    var day = function (iso) { return iso.replace(/-/g, ""); };
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:" + data.prodid,
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:" + icsText(data.t.pl_ics_name)
    ];
    events.forEach(function (item) {
      var e = item.event;
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + e.uid,
        "DTSTAMP:" + day(e.stamp) + "T000000Z",
        "DTSTART;VALUE=DATE:" + day(e.date),
        "DTEND;VALUE=DATE:" + day(e.end),
        "SUMMARY:" + icsText(e.summary),
        "DESCRIPTION:" + icsText(e.description),
        "URL:" + new URL(item.platform.page, window.location.href).href,
        "CATEGORIES:" + icsText(e.kind),
        "TRANSP:TRANSPARENT",
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function download(text, name, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = el("a", { href: url, download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // --- choices -------------------------------------------------------------------------------------

  function stored() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY) || "null");
      if (data && data.version === 1 && typeof data.r === "string" && Array.isArray(data.p)) return { r: data.r, p: data.p };
    } catch (e) { /* unreadable: start empty */ }
    return { r: "", p: [] };
  }

  function store(state) {
    if (state.r || state.p.length) window.localStorage.setItem(KEY, JSON.stringify({ version: 1, r: state.r, p: state.p }));
    else window.localStorage.removeItem(KEY);
  }

  function hashFor(state) {
    var parts = [];
    if (state.r) parts.push("r=" + encodeURIComponent(state.r));
    if (state.p.length) parts.push("p=" + state.p.map(encodeURIComponent).join(","));
    return parts.length ? "#" + parts.join("&") : "";
  }

  function fromHash(hash, base) {
    var params = new URLSearchParams(hash.replace(/^#/, ""));
    var list = function (name) { return (params.get(name) || "").split(",").filter(function (id) { return ID.test(id); }); };
    var state = { r: base.r, p: base.p.slice() };
    if (params.has("r")) state.r = params.get("r");
    if (params.has("p")) state.p = list("p");
    list("add").forEach(function (id) { if (state.p.indexOf(id) < 0) state.p.push(id); });
    return state;
  }

  // --- the plan ------------------------------------------------------------------------------------

  function init(root, data) {
    var form = root.querySelector(".optout-plan-form");
    var out = root.querySelector(".optout-plan-out");
    var linkBox = root.querySelector(".optout-plan-link");
    var status = root.querySelector(".optout-plan-status");
    var t = data.t;
    var byId = {};
    data.platforms.forEach(function (p) { byId[p.id] = p; });
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=platform]"));

    function clean(state) {
      return {
        r: data.regions.indexOf(state.r) >= 0 ? state.r : "",
        p: data.platforms.map(function (p) { return p.id; }).filter(function (id) { return state.p.indexOf(id) >= 0; })
      };
    }

    var state = clean(fromHash(window.location.hash, stored()));

    function save() {
      store(state);
      var url = window.location.pathname + window.location.search + hashFor(state);
      window.history.replaceState(null, "", url);
      linkBox.value = window.location.href;
    }

    function chosen() {
      return state.p.map(function (id) { return byId[id]; });
    }

    function applies(item) {
      return item.regions.indexOf(state.r) >= 0;
    }

    function upcoming() {
      var from = today();
      var found = [];
      chosen().forEach(function (p) {
        p.events.forEach(function (e) {
          if (applies(e) && e.date >= from) found.push({ platform: p, event: e });
        });
      });
      return found.sort(function (a, b) { return a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0; });
    }

    function pageLink(p, href) {
      return el("a", { href: href || p.page }, [t.on_page]);
    }

    function actionLinks(a) {
      var links = [];
      if (a.url) links.push(el("a", { href: a.url, rel: "noopener noreferrer", "class": "optout-plan-direct" }, [t.direct_link]));
      if (a.email) links.push(el("a", { href: "mailto:" + a.email, "class": "optout-plan-email" }, [t.write_to + " " + a.email]));
      return links;
    }

    function item(p, label, links) {
      var li = el("li", { "data-platform": p.id }, [el("strong", {}, [p.name]), t.colon + label]);
      links.forEach(function (link) { li.appendChild(document.createTextNode(" · ")); li.appendChild(link); });
      return li;
    }

    function section(id, title, items, none) {
      var parts = [el("h2", { id: id }, [title])];
      parts.push(items.length ? el("ul", { "class": "optout-plan-list" }, items) : el("p", {}, [none]));
      return parts;
    }

    function render() {
      out.textContent = "";
      if (!state.r || !state.p.length) {
        out.appendChild(el("p", { "class": "optout-plan-empty" }, [t.pl_empty]));
        return;
      }
      var parts = [];
      var dates = upcoming();
      parts = parts.concat(section("plan-dates", t.pl_dates, dates.map(function (x) {
        var li = el("li", { "data-platform": x.platform.id, "data-date": x.event.date }, [
          el("time", { datetime: x.event.date }, [x.event.label]), " · ",
          el("strong", {}, [x.platform.name]), " · " + x.event.kind_label + t.colon + x.event.text + " · "
        ]);
        li.appendChild(pageLink(x.platform));
        return li;
      }), t.pl_no_dates));

      var stops = [];
      chosen().forEach(function (p) {
        p.stop.filter(applies).forEach(function (a) {
          stops.push(item(p, a.name, actionLinks(a).concat([pageLink(p, a.page)])));
        });
      });
      parts = parts.concat(section("plan-stop", t.pl_stop, stops, t.pl_no_stop));

      var law = data.laws[state.r];
      var objections = [];
      chosen().forEach(function (p) {
        p.object.filter(applies).forEach(function (a) {
          var links = actionLinks(a);
          if (a.letter) {
            var href = data.letters + "?platform=" + encodeURIComponent(p.id) + (law ? "&law=" + encodeURIComponent(law) : "") + "#letter";
            links.push(el("a", { href: href, "class": "optout-plan-letter" }, [t.pl_letter]));
          }
          links.push(pageLink(p, a.page));
          objections.push(item(p, a.name, links));
        });
      });
      parts = parts.concat(section("plan-object", t.pl_object, objections, t.pl_no_object));

      var unknown = chosen().filter(function (p) { return p.known.indexOf(state.r) < 0; });
      unknown.forEach(function (p) {
        var note = el("p", { "class": "optout-plan-noinfo", "data-platform": p.id }, [t.pl_no_info.replace("{platform}", p.name) + " "]);
        note.appendChild(pageLink(p));
        parts.push(note);
      });

      parts.push(el("h2", { id: "plan-calendar" }, [t.pl_calendar]));
      if (dates.length) {
        var button = el("button", { type: "button", "class": "md-button md-button--primary", "data-action": "ics" }, [t.pl_ics]);
        button.addEventListener("click", function () {
          download(ics(data, upcoming()), "optout-plan.ics", "text/calendar;charset=utf-8");
        });
        parts.push(el("p", {}, [button]));
      } else {
        parts.push(el("p", {}, [t.pl_ics_none]));
      }
      parts.forEach(function (part) { out.appendChild(part); });
    }

    function show() {
      form.elements.region.value = state.r;
      boxes.forEach(function (box) { box.checked = state.p.indexOf(box.value) >= 0; });
      save();
      render();
    }

    form.addEventListener("change", function () {
      state = clean({
        r: form.elements.region.value,
        p: boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; })
      });
      save();
      render();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    // A link to this page with another plan (or #add=...) followed from this page.
    window.addEventListener("hashchange", function () {
      state = clean(fromHash(window.location.hash, state));
      show();
    });
    // Another tab of this site changed the plan: show it here too.
    window.addEventListener("storage", function (event) {
      if (event.key === KEY || event.key === null) { state = clean(stored()); show(); }
    });

    root.querySelector('[data-action="copy"]').addEventListener("click", function () {
      linkBox.select();
      var done = function () { status.textContent = t.pl_copied; };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(linkBox.value).then(done, function () {});
      else if (document.execCommand && document.execCommand("copy")) done();
    });
    root.querySelector('[data-action="print"]').addEventListener("click", function () { window.print(); });
    root.querySelector('[data-action="clear"]').addEventListener("click", function () {
      state = { r: "", p: [] };
      status.textContent = "";
      show();
    });

    Array.prototype.forEach.call(document.querySelectorAll(".optout-plan-nojs"), function (p) { p.hidden = true; });
    root.hidden = false;
    show();
  }

  function start() {
    var root = document.querySelector(".optout-plan");
    var source = document.getElementById("optout-plan-data");
    if (!root || !source || root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    init(root, JSON.parse(source.textContent));
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

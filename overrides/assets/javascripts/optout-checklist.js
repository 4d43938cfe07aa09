/*
 * The private checklist. Ticks are kept in this browser's localStorage under one key, and nowhere
 * else: no cookie, no request. Export writes them to a small JSON file the reader downloads; import
 * reads such a file back and replaces the current ticks. Without this script the boxes still work
 * on screen and on paper, they are just not remembered.
 *
 * Stored value: {"version": 1, "done": {"<platform>/<stop|object>/<action>": "YYYY-MM-DD", ...}}
 * Export file:  {"app": "optout-guide-checklist", "version": 1, "exported": "<ISO time>", "done": {...}}
 */
(function () {
  "use strict";

  var KEY = "optout-guide:checklist";
  var APP = "optout-guide-checklist";
  var ITEM = /^[a-z0-9-]+\/(stop|object)\/[a-z0-9-]+$/;

  function read() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY) || "null");
      if (data && data.version === 1 && data.done && typeof data.done === "object") return data.done;
    } catch (e) { /* unreadable: start empty */ }
    return {};
  }

  function write(done) {
    if (Object.keys(done).length) window.localStorage.setItem(KEY, JSON.stringify({ version: 1, done: done }));
    else window.localStorage.removeItem(KEY);
  }

  function valid(data) {
    if (!data || data.app !== APP || data.version !== 1 || !data.done || typeof data.done !== "object" || Array.isArray(data.done)) return false;
    return Object.keys(data.done).every(function (key) { return ITEM.test(key) && typeof data.done[key] === "string"; });
  }

  function day() {
    return new Date().toISOString().slice(0, 10);
  }

  function init(root) {
    var tools = root.querySelector(".optout-checklist-tools");
    if (!tools || root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input[type=checkbox][data-key]"));
    var progress = tools.querySelector(".optout-progress");
    var status = tools.querySelector(".optout-checklist-status");

    function show() {
      var done = read();
      var ticked = 0;
      boxes.forEach(function (box) {
        box.checked = Object.prototype.hasOwnProperty.call(done, box.getAttribute("data-key"));
        if (box.checked) ticked += 1;
      });
      progress.textContent = root.getAttribute("data-progress").replace("{done}", ticked).replace("{total}", boxes.length);
    }

    function say(text) {
      status.textContent = text;
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var done = read();
        if (box.checked) done[box.getAttribute("data-key")] = day();
        else delete done[box.getAttribute("data-key")];
        write(done);
        show();
      });
    });

    tools.querySelector('[data-action="print"]').addEventListener("click", function () { window.print(); });

    tools.querySelector('[data-action="export"]').addEventListener("click", function () {
      var file = JSON.stringify({ app: APP, version: 1, exported: new Date().toISOString(), done: read() }, null, 1);
      var url = URL.createObjectURL(new Blob([file], { type: "application/json" }));
      var link = document.createElement("a");
      link.href = url;
      link.download = "optout-checklist.json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    });

    var input = tools.querySelector('[data-action="import"]');
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      input.value = ""; // importing the same file again must fire "change" again
      if (!file) return;
      if (file.size > 1000000) { say(root.getAttribute("data-import-error")); return; }
      file.text().then(function (text) {
        var data;
        try { data = JSON.parse(text); } catch (e) { data = null; }
        if (!valid(data)) { say(root.getAttribute("data-import-error")); return; }
        write(data.done);
        show();
        say(root.getAttribute("data-imported").replace("{n}", Object.keys(data.done).length));
      });
    });

    tools.querySelector('[data-action="reset"]').addEventListener("click", function () {
      if (!window.confirm(root.getAttribute("data-reset-confirm"))) return;
      window.localStorage.removeItem(KEY);
      show();
      say(root.getAttribute("data-reset-done"));
    });

    // Another tab of this site changed the ticks: show them here too.
    window.addEventListener("storage", function (event) { if (event.key === KEY || event.key === null) show(); });

    tools.hidden = false;
    show();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".optout-checklist"), init);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

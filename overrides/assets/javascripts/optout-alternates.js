/*
 * Stops a request that always fails: Material's bundle, on DOMContentLoaded, takes every
 * <link rel="alternate"> in the document and fetches "sitemap.xml" resolved against its href
 * (`new URL("sitemap.xml", link.href)`), to map pages between the alternate sites (a feature for
 * versioned or separately built language sites). Here the alternates are the page's own language
 * twins (/platforms/linkedin/, /zh/platforms/linkedin/, an x-default, an Atom feed...), so it asks for
 * /platforms/linkedin/sitemap.xml and the like, which do not exist (404), or for another host when an
 * alternate is absolute. The language menu links to each page's twin by itself and needs none of it.
 *
 * The bundle reads the links once, in its own DOMContentLoaded listener on `document` (no instant
 * navigation here, so it never reads them again). A capturing listener on `window` runs before any
 * listener on `document`, so for that moment the links carry rel="alternate optout-kept" (still an
 * alternate, no longer matched by the bundle's exact [rel=alternate]); a listener on `document` added
 * after the bundle's puts rel="alternate" back right after. The HTML as served is unchanged.
 */
(function () {
  "use strict";

  var MARK = "alternate optout-kept";
  window.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("link[rel=alternate]"), function (link) {
      link.setAttribute("rel", MARK);
    });
  }, { capture: true, once: true });
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll('link[rel="' + MARK + '"]'), function (link) {
      link.setAttribute("rel", "alternate");
    });
  }, { once: true });
})();

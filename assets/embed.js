/*
 * Pledge widget loader. A partner page adds
 *   <div data-pledge-widget data-lang="fr" data-accent="#006e5f" data-theme="auto"></div>
 * (data-view="wall" shows the public wall of pledges instead, data-commune="…"
 * keeps it to one commune)
 *   <script src="https://WIDGET-HOST/embed.js" async></script>
 * and gets one framed widget per such element, sized to its content.
 * Plain script, no dependency; it only listens to its own frames.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = new URL('./', script ? script.src : location.href);
  var origin = base.origin;
  var frames = [];
  var OPTIONS = ['lang', 'accent', 'theme', 'compact', 'view', 'commune'];

  function mount(host) {
    if (host.getAttribute('data-pledge-widget-ready')) return;
    host.setAttribute('data-pledge-widget-ready', '1');
    var url = new URL(base);
    url.searchParams.set('embed', '1');
    OPTIONS.forEach(function (name) {
      var value = host.getAttribute('data-' + name);
      if (value !== null) url.searchParams.set(name, value);
    });
    var frame = document.createElement('iframe');
    frame.src = url.href;
    // The campaign's label, written in by the build (scripts/campaign-page.mjs).
    frame.title = host.getAttribute('data-title') || '%campaign:label%';
    frame.loading = 'lazy';
    frame.allow = 'web-share; clipboard-write';
    frame.setAttribute('scrolling', 'no');
    // Set through the CSSOM so that the host's own CSS cannot size it.
    var s = frame.style;
    s.setProperty('display', 'block', 'important');
    s.setProperty('width', '100%', 'important');
    s.setProperty('border', '0', 'important');
    s.setProperty('height', '640px', 'important');
    s.setProperty('min-height', '0', 'important');
    s.setProperty('max-height', 'none', 'important');
    host.appendChild(frame);
    frames.push(frame);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin || !event.data) return;
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (event.source !== frame.contentWindow) continue;
      if (event.data.type === 'pw-height') {
        var h = Math.ceil(Number(event.data.height));
        if (h > 0 && h < 100000) frame.style.setProperty('height', h + 'px', 'important');
      } else if (event.data.type === 'pw-step') {
        if (frame.getBoundingClientRect().top < 0) frame.scrollIntoView({ block: 'start' });
      }
      return;
    }
  });

  function mountAll() {
    var hosts = document.querySelectorAll('[data-pledge-widget]');
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mountAll);
  } else {
    mountAll();
  }
})();

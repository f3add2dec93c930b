/*
 * Runs before the first paint (a blocking script in <head>; copied with a
 * hashed name by scripts/externalize-boot.mjs). Picks what the page shows
 * until the app starts: the French or the English welcome screen that
 * scripts/prerender.mjs put in the HTML, or a neutral loading line where
 * the app will show something else (a pledge link, a candidate past the
 * welcome screen, a partner's options). Same language rule as the app
 * (src/state/locale.rs): the language chosen before, else `?lang=`, else
 * the browser's first French or English, else French. Also keeps a tap on
 * « Commencer » made before the app is ready (the app acts on it), and
 * switches language at once (the app takes the choice over).
 */
(function () {
  // The hand-over page (signer.html, or signer where a host drops .html;
  // served without the opener policy) is for the tab a widget's own frame
  // opened to sign: its opener is a framed page of the widget's origin
  // holding the token the address carries (`&h=`, made by that frame and
  // never readable by another site). Any other visitor, a page that opened
  // it with window.open among them, goes on to the widget's page, whose
  // opener policy cuts that page's handle on it.
  if (/\/signer(\.html)?$/.test(location.pathname)) {
    var ours = false;
    try {
      var token = /[#&]h=([0-9a-f]{32})(?:&|$)/.exec(location.hash);
      var opener = window.opener;
      ours =
        !!token &&
        window.top === window &&
        !!opener &&
        opener.location.origin === location.origin &&
        opener.top !== opener &&
        !!opener.pwWidget &&
        opener.pwWidget.handOver === token[1];
    } catch (e) {
      ours = false;
    }
    if (!ours) {
      location.replace('./' + location.search + location.hash);
      return;
    }
  }
  var root = document.documentElement;
  // The campaign's languages, its reference first (filled in by the build).
  var LANGS = '%campaign:languages%'.split(',');
  var first = LANGS[0];
  var code = function (value) {
    var primary = String(value || '').trim().split(/[-_]/)[0].toLowerCase();
    return LANGS.indexOf(primary) >= 0 ? primary : null;
  };
  // The campaign's records (src/state/campaign_storage.rs): under its own
  // keys, or, just after the deploy that named them, still under the keys
  // of the build before, for the campaign that adopts those. Filled in by
  // the build (scripts/campaign-page.mjs).
  var STORE = '%campaign:storage%';
  var ADOPT = '%campaign:adopt_unscoped%' === 'true';
  var stored = function (name) {
    try {
      var value = window.localStorage.getItem(STORE + name);
      return value === null && ADOPT ? window.localStorage.getItem('pw-pledge-widget/' + name) : value;
    } catch (e) {
      return null;
    }
  };
  try {
    var draft = null;
    try {
      draft = JSON.parse(stored('draft/v1'));
    } catch (e) {
      draft = null;
    }
    var asked = null;
    var options = false;
    new URLSearchParams(location.search).forEach(function (value, key) {
      key = key.toLowerCase();
      if (key === 'lang') asked = value;
      else if (/^(embed|compact|accent|theme|view|commune|mur|organisateur)$/.test(key)) options = true;
    });
    if (location.hash.indexOf('#e=') === 0 || location.hash.indexOf('#d=') === 0 || options || (draft && draft.step && draft.step !== 'welcome')) {
      first = 'none';
    } else {
      var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
      var browser = null;
      for (var i = 0; i < languages.length && !browser; i++) browser = code(languages[i]);
      first = code(stored('lang/v1')) || (asked !== null ? code(asked) || LANGS[0] : browser || LANGS[0]);
    }
  } catch (e) {
    first = 'none';
  }
  root.setAttribute('data-pw-first', first);
  document.addEventListener(
    'click',
    function (event) {
      var target = event.target && event.target.closest ? event.target : null;
      if (!target || !target.closest('[data-pw-prerender]')) return;
      var widget = (window.pwWidget = window.pwWidget || {});
      var start = target.closest('.pw-nav__next');
      if (start) {
        widget.pendingStart = true;
        start.setAttribute('aria-busy', 'true');
      } else if (target.closest('.pw-topbar__switch')) {
        // The language switch works at once: the other variant is there.
        first = LANGS[(LANGS.indexOf(first) + 1) % LANGS.length];
        root.setAttribute('data-pw-first', first);
        (widget.handover = widget.handover || {}).lang = first;
        try {
          window.localStorage.setItem(STORE + 'lang/v1', first);
        } catch (e) {
          /* the app keeps the choice for this page */
        }
      }
    },
    true,
  );
})();

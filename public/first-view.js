// Runs before the first paint (a small classic script in <head>: render-blocking on purpose, external because
// the CSP allows no inline script). The page's first view is the reference scenario, pre-rendered; this says,
// on <html data-first-view>, whether that is what the reader will see:
//   "reference" - no share link and no autosaved scenario that differs: the view is theirs;
//   "yours"     - a share link or a saved working scenario will open something else: the figures are dimmed
//                 and marked "参考情景 · 正在载入您的情景 / Reference scenario - loading yours" until the app
//                 starts (src/ui/mod.rs removes the view);
//   "other"     - another page (?view=) or the embedded widget: the view is hidden behind a loading note.
// Anything unreadable counts as "yours": never present the reference as a reader's own.
(function () {
  var d = document.documentElement, q = location.search, state = 'reference';
  function param(k) { var m = q.match(new RegExp('[?&]' + k + '=([^&]*)')); return m ? m[1] : null; }
  try {
    var s = param('s'), view = param('view'), embed = param('embed');
    if ((view && view !== 'explorer') || (embed && embed !== '0')) state = 'other';
    else if (s !== null) {
      // Format version, then only what differs from the reference: anything after the version differs.
      var parts = decodeURIComponent(s.replace(/\+/g, ' ')).split(/[,;]/).filter(function (p) { return p.trim(); });
      if (parts.length > 1) state = 'yours';
    } else {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        if (k === 'vtre.working' || (k && k.indexOf('vtre.working.') === 0)) {
          var e = JSON.parse(localStorage.getItem(k) || 'null');
          if (!e || typeof e.scenario !== 'object' || !e.scenario || Object.keys(e.scenario).length) state = 'yours';
        }
      }
    }
  } catch (err) {
    state = 'yours';
  }
  d.setAttribute('data-first-view', state);
})();

// The header's search form: with JavaScript it goes to the site's own search page (and is
// shown even when site.toml names no external search, without which it stays hidden).
(function () {
  document.querySelectorAll('form[data-search]').forEach(function (f) {
    f.action = f.getAttribute('data-search');
    f.hidden = false;
  });
})();

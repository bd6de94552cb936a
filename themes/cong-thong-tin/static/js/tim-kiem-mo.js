// The header's search form: with JavaScript it goes to the site's own search page (and is
// shown even when site.toml names no external search, without which it stays hidden).
(function () {
  document.querySelectorAll('form.header-search').forEach(function (f) {
    if (f.hasAttribute('data-search')) f.action = f.getAttribute('data-search');
    f.hidden = false;
  });
})();

// The posting sheets' print button: it shows only where this runs, which it needs.
document.querySelectorAll('button[data-print]').forEach(function (b) {
  b.addEventListener('click', function () { window.print(); });
  b.hidden = false;
});

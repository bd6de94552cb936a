// "Sao chép liên kết": copies the page's address. Without this script the button stays
// hidden and the address is shown as text instead. What it says comes from the status
// line's data-copied and data-failed, written by the template in the page's language.
(function () {
  var buttons = document.querySelectorAll('.share-copy');
  if (!buttons.length || !navigator.clipboard) return;
  buttons.forEach(function (b) {
    var share = b.closest('.share');
    var status = share && share.querySelector('.share-status');
    b.hidden = false;
    if (share) share.classList.add('share-js');
    b.addEventListener('click', function () {
      navigator.clipboard.writeText(b.getAttribute('data-url')).then(function () {
        if (status) status.textContent = status.getAttribute('data-copied');
      }, function () {
        if (status) status.textContent = status.getAttribute('data-failed');
      });
    });
  });
})();

// "Sao chép liên kết": copies the page's address. Without this script the button stays
// hidden and the address is shown as text instead.
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
        if (status) status.textContent = 'Đã sao chép liên kết.';
      }, function () {
        if (status) status.textContent = 'Không sao chép được; hãy chép địa chỉ trên thanh địa chỉ.';
      });
    });
  });
})();

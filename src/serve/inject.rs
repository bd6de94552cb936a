//! The live-reload script, added to HTML responses of `congbo serve` only (never to the
//! built files). It listens to `/__congbo/events`: `reload` reloads the page when it (or
//! something it shows) changed, `css` swaps stylesheets in place, `errors` shows the
//! errors over the last good page and `ok` takes them away.

/// Where the browser listens for changes.
pub const EVENTS_PATH: &str = "/__congbo/events";

/// The script, inline, so it needs no request of its own.
pub const SCRIPT: &str = r#"<script data-congbo-serve>
(function () {
  if (!window.EventSource) return;
  var es = new EventSource("/__congbo/events");
  function here() {
    var p = decodeURIComponent(location.pathname);
    return /\/$/.test(p) ? p + "index.html" : p;
  }
  function shows(p) {
    return document.documentElement.innerHTML.indexOf(encodeURI(p)) >= 0 ||
      document.documentElement.innerHTML.indexOf(p) >= 0;
  }
  es.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data), h = here();
    var mine = d.paths.some(function (p) {
      return p === h || (!/\.(html|css)$/.test(p) && shows(p));
    });
    if (d.all || mine) location.reload();
  });
  es.addEventListener("css", function (e) {
    var d = JSON.parse(e.data);
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (l) {
      var u = new URL(l.href, location.href);
      if (d.paths.indexOf(decodeURIComponent(u.pathname)) >= 0) {
        u.searchParams.set("congbo", Date.now());
        l.href = u.toString();
      }
    });
  });
  function clear() {
    var o = document.getElementById("congbo-errors");
    if (o) o.remove();
  }
  es.addEventListener("errors", function (e) {
    var list = JSON.parse(e.data);
    clear();
    var o = document.createElement("div");
    o.id = "congbo-errors";
    o.setAttribute("role", "alert");
    o.style.cssText = "position:fixed;left:0;right:0;top:0;z-index:2147483647;max-height:70vh;" +
      "overflow:auto;background:#fff5f5;color:#1a1a1a;border-bottom:4px solid #c00;" +
      "padding:1em 1.5em;font:15px/1.5 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.3)";
    var h = document.createElement("strong");
    h.textContent = "Trang web có " + list.length + " lỗi. Trang dưới đây là bản đúng gần nhất; " +
      "sửa rồi lưu tệp, trang sẽ tự cập nhật.";
    o.appendChild(h);
    list.forEach(function (d) {
      var p = document.createElement("pre");
      p.style.cssText = "white-space:pre-wrap;margin:.6em 0 0;font:14px/1.4 ui-monospace,monospace";
      var place = d.file + (d.line ? ":" + d.line + (d.column ? ":" + d.column : "") : "");
      var b = document.createElement("b");
      b.textContent = place;
      p.appendChild(b);
      p.appendChild(document.createTextNode("\n" + d.message));
      o.appendChild(p);
    });
    document.body.appendChild(o);
  });
  es.addEventListener("ok", clear);
})();
</script>
"#;

/// Adds the script before the last `</body>`, or at the end when there is none.
pub fn inject(html: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len() + SCRIPT.len());
    match find_last_body_end(html) {
        Some(i) => {
            out.extend_from_slice(&html[..i]);
            out.extend_from_slice(SCRIPT.as_bytes());
            out.extend_from_slice(&html[i..]);
        }
        None => {
            out.extend_from_slice(html);
            out.extend_from_slice(SCRIPT.as_bytes());
        }
    }
    out
}

fn find_last_body_end(html: &[u8]) -> Option<usize> {
    let tag = b"</body>";
    (0..=html.len().checked_sub(tag.len())?)
        .rev()
        .find(|&i| html[i..i + tag.len()].eq_ignore_ascii_case(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goes_before_the_last_body_end() {
        let out = inject("<p>Xã</p></BODY></html>".as_bytes());
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("<p>Xã</p><script data-congbo-serve>"), "{s}");
        assert!(s.ends_with("</script>\n</BODY></html>"));
    }

    #[test]
    fn appended_without_a_body() {
        let s = String::from_utf8(inject(b"<p>x")).unwrap();
        assert!(s.starts_with("<p>x<script"));
        assert_eq!(inject(b"").len(), SCRIPT.len());
    }
}

// congbo's editor: progressive enhancement of forms that work without this script.
(function () {
  "use strict";
  // The page's form: the delete and logout forms come before it on an edit page.
  var form = document.getElementById("bieu-mau");
  if (!form) return;

  // The toolbar over the body: each button puts Markdown around the selection (or a
  // sample where nothing is selected, selected so that typing replaces it).
  var body = document.getElementById("f-body");
  if (body) {
    var wrap = function (before, after, sample) {
      return function () {
        var a = body.selectionStart, b = body.selectionEnd;
        var text = body.value.slice(a, b) || sample;
        body.setRangeText(before + text + after, a, b, "end");
        body.setSelectionRange(a + before.length, a + before.length + text.length);
        body.focus();
        body.dispatchEvent(new Event("input", { bubbles: true }));
      };
    };
    // Before every selected line (headings, lists), starting on a line of its own.
    var lines = function (mark, sample) {
      return function () {
        var a = body.selectionStart, b = body.selectionEnd;
        var start = body.value.lastIndexOf("\n", a - 1) + 1;
        var text = body.value.slice(start, b) || sample;
        var n = 0;
        var out = text.split("\n").map(function (l) {
          n += 1;
          return (typeof mark === "function" ? mark(n) : mark) + l.replace(/^(#+|[-*]|\d+\.)\s+/, "");
        }).join("\n");
        body.setRangeText(out, start, Math.max(b, start), "select");
        body.focus();
        body.dispatchEvent(new Event("input", { bubbles: true }));
      };
    };
    var block = function (text) {
      return function () {
        var a = body.selectionStart;
        var before = body.value.slice(0, a);
        var gap = before === "" || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
        body.setRangeText(gap + text + "\n", a, body.selectionEnd, "end");
        body.focus();
        body.dispatchEvent(new Event("input", { bubbles: true }));
      };
    };
    var hint = document.createElement("p");
    hint.className = "goi-y";
    hint.id = "thanh-cong-cu-goi-y";
    hint.setAttribute("role", "status");
    var say = function (text, then) {
      return function () { hint.textContent = text; then(); };
    };
    var buttons = [
      ["Tiêu đề mục", lines("## ", "Tiêu đề mục")],
      ["Đậm", wrap("**", "**", "chữ đậm")],
      ["Nghiêng", wrap("*", "*", "chữ nghiêng")],
      ["Danh sách", lines("- ", "Mục")],
      ["Danh sách số", lines(function (n) { return n + ". "; }, "Mục")],
      ["Liên kết", wrap("[", "](https://)", "chữ hiện ra")],
      ["Bảng", block("| Cột 1 | Cột 2 |\n| --- | --- |\n| ô | ô |")],
      ["Ảnh", say("Ảnh: tải tệp ảnh lên ở ô «Tải tệp lên» bên dưới, rồi viết tên tệp trong ngoặc tròn.",
        wrap("![", "](ten-anh.jpg)", "mô tả ảnh cho người không nhìn thấy"))],
      ["Trích dẫn văn bản", say("Viết loại văn bản, số và ký hiệu, ngày, cơ quan ban hành: congbo tự nhận ra và gắn liên kết.",
        wrap("", "", "Quyết định số 123/QĐ-UBND ngày 01/01/2026 của UBND xã"))]
    ];
    var bar = document.createElement("div");
    bar.className = "thanh-cong-cu";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Định dạng nội dung");
    bar.setAttribute("aria-controls", "f-body");
    buttons.forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b[0];
      button.addEventListener("click", b[1]);
      bar.appendChild(button);
    });
    body.parentNode.insertBefore(bar, body);
    body.parentNode.insertBefore(hint, body);
  }

  // Dates: a calendar beside each dd/mm/yyyy field; typing the date still works.
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  Array.prototype.forEach.call(document.querySelectorAll("input.ngay"), function (text) {
    var pick = document.createElement("input");
    pick.type = "date";
    pick.className = "chon-ngay";
    var label = document.querySelector("label[for='" + text.id + "']");
    pick.setAttribute("aria-label", "Chọn " + (label ? label.textContent : "ngày") + " trên lịch");
    var fromText = function () {
      var m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text.value);
      pick.value = m ? m[3] + "-" + pad(+m[2]) + "-" + pad(+m[1]) : "";
    };
    pick.addEventListener("change", function () {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(pick.value);
      if (!m) return;
      text.value = m[3] + "/" + m[2] + "/" + m[1];
      text.dispatchEvent(new Event("input", { bubbles: true }));
    });
    text.addEventListener("input", fromText);
    fromText();
    text.parentNode.insertBefore(pick, text.nextSibling);
  });

  // Lists typed with commas (tags, fields, partners): the suggestions offer the next
  // item after what is already typed.
  Array.prototype.forEach.call(document.querySelectorAll("input[data-phay]"), function (input) {
    var source = document.getElementById(input.getAttribute("list"));
    if (!source) return;
    var all = Array.prototype.map.call(source.options, function (o) { return o.value; });
    var own = document.createElement("datalist");
    own.id = source.id + "-" + (input.id || input.name) + "-" + Math.random().toString(36).slice(2, 8);
    document.body.appendChild(own);
    input.setAttribute("list", own.id);
    var sep = input.name === "nv-phoi-hop" ? "; " : ", ";
    var update = function () {
      var cut = Math.max(input.value.lastIndexOf(","), input.value.lastIndexOf(";"));
      var head = cut < 0 ? "" : input.value.slice(0, cut).replace(/\s+$/, "") + sep;
      var typed = input.value.slice(cut + 1).trim().toLowerCase();
      own.innerHTML = "";
      all.filter(function (v) {
        return v.toLowerCase().indexOf(typed) >= 0 && head.indexOf(v) < 0;
      }).slice(0, 50).forEach(function (v) {
        var o = document.createElement("option");
        o.value = head + v;
        own.appendChild(o);
      });
    };
    input.addEventListener("input", update);
    input.addEventListener("focus", update);
  });

  // The task grid: move rows up and down, remove them, add one, without a round trip.
  // The row numbers (TT) follow the order, which is what the server reads.
  var grid = document.getElementById("luoi-nhiem-vu");
  if (grid) {
    var tbody = grid.querySelector("tbody");
    var renumber = function () {
      Array.prototype.forEach.call(tbody.rows, function (tr, i) {
        var n = i + 1;
        tr.querySelector("input[name=nv-tt]").value = n;
        Array.prototype.forEach.call(tr.querySelectorAll("input"), function (input) {
          var l = input.getAttribute("aria-label");
          if (l) input.setAttribute("aria-label", l.replace(/\d+$/, n));
        });
        Array.prototype.forEach.call(tr.querySelectorAll("button"), function (b) {
          b.setAttribute("aria-label", b.textContent + " dòng " + n);
        });
      });
      form.dispatchEvent(new Event("input"));
    };
    var tools = function (tr) {
      var td = document.createElement("td");
      td.className = "nut-dong";
      [["Lên", function () {
        if (tr.previousElementSibling) tbody.insertBefore(tr, tr.previousElementSibling);
      }], ["Xuống", function () {
        if (tr.nextElementSibling) tbody.insertBefore(tr.nextElementSibling, tr);
      }], ["Xóa", function () {
        var next = tr.nextElementSibling || tr.previousElementSibling;
        tr.parentNode.removeChild(tr);
        if (next) next.querySelector("button").focus();
      }]].forEach(function (b) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = b[0];
        button.addEventListener("click", function () {
          b[1]();
          renumber();
          if (b[0] !== "Xóa") button.focus();
        });
        td.appendChild(button);
      });
      tr.appendChild(td);
    };
    var head = grid.querySelector("thead tr");
    var th = document.createElement("th");
    th.scope = "col";
    th.textContent = "Sắp xếp";
    head.appendChild(th);
    Array.prototype.forEach.call(tbody.rows, tools);
    var add = grid.querySelector("button[name=them-dong]");
    add.addEventListener("click", function (e) {
      e.preventDefault();
      var last = tbody.rows[tbody.rows.length - 1];
      var tr = last.cloneNode(true);
      tr.removeChild(tr.lastElementChild);
      Array.prototype.forEach.call(tr.querySelectorAll("input"), function (i) { i.value = ""; });
      tbody.appendChild(tr);
      tools(tr);
      renumber();
      tr.querySelector("input[name=nv-ten]").focus();
    });
    renumber();
  }

  // Live preview: the form is posted as the editor types (after a pause of 300 ms) and
  // the page, or the build's errors, shown in the pane. Only the latest answer is shown.
  var pane = document.querySelector(".xem-truoc");
  if (pane) {
    var frame = document.getElementById("xt-khung");
    var errors = document.getElementById("xt-loi");
    var target = pane.getAttribute("data-dich") + "?chi-trang=1";
    var timer = null;
    var asked = 0;
    var refresh = function () {
      var n = ++asked;
      var data = new URLSearchParams();
      new FormData(form).forEach(function (v, k) {
        if (typeof v === "string") data.append(k, v);
      });
      fetch(target, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (r) {
          return r.text().then(function (t) { return { ok: r.ok, text: t }; });
        })
        .then(function (a) {
          if (n !== asked) return;
          if (a.ok) {
            errors.innerHTML = "";
            var y = 0;
            try { y = frame.contentWindow.scrollY; } catch (e) { y = 0; }
            frame.onload = function () {
              try { frame.contentWindow.scrollTo(0, y); } catch (e) { /* nothing */ }
            };
            frame.srcdoc = a.text;
          } else {
            errors.innerHTML = a.text;
          }
        })
        .catch(function () { /* the server stopped: the button still works */ });
    };
    var later = function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    };
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    pane.classList.add("tu-dong");
    refresh();
  }
})();

// The dashboard refreshes its body by itself: it asks the server for the same figures again.
"use strict";
(function () {
  function refresh(box) {
    fetch(box.getAttribute("data-source"), { credentials: "same-origin" })
      .then(function (answer) {
        if (!answer.ok) { throw new Error(String(answer.status)); }
        return answer.text();
      })
      .then(function (html) {
        box.innerHTML = html;  // server-rendered, escaped by the template
        document.body.setAttribute("data-refreshed", String(Date.now()));
      })
      .catch(function () { /* keep the last figures; try again at the next tick */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("dashboard");
    if (!box) { return; }
    var every = Number(box.getAttribute("data-every")) || 30;
    setInterval(function () { refresh(box); }, every * 1000);
  });
})();

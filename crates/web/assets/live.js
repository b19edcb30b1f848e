// Keeps a part of a page live: every five seconds the element `#live` is fetched again from
// its `data-src` (a trainer's attendance sheet: the rotating QR code and code, who has signed;
// a plan's exports: their progress). Nothing is refreshed while the user is working inside it,
// and the updates can be paused (`#live-toggle`).
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !live.dataset.src) {
    return;
  }
  var paused = false;
  var toggle = document.getElementById("live-toggle");
  if (toggle) {
    var pauseText = toggle.textContent;
    var resumeText = toggle.dataset.resume || pauseText;
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      paused = !paused;
      toggle.setAttribute("aria-pressed", paused ? "true" : "false");
      toggle.textContent = paused ? resumeText : pauseText;
    });
  }
  function busy() {
    var active = document.activeElement;
    if (active && active !== document.body && live.contains(active)) {
      return true;
    }
    var open = live.querySelector("details[open]");
    return open !== null;
  }
  function refresh() {
    if (paused || busy() || document.hidden) {
      return;
    }
    fetch(live.dataset.src, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (r) {
        return r.ok ? r.text() : null;
      })
      .then(function (html) {
        if (html !== null && !busy()) {
          live.innerHTML = html;
        }
      })
      .catch(function () {});
  }
  window.setInterval(refresh, 5000);
})();

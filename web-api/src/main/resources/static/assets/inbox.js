// The inbox, live: each notification the person's stream brings reloads the inbox from the server
// (rendered there, dates in the person's time zone); the browser's EventSource reconnects by itself.
(function () {
  "use strict";
  var inbox = document.getElementById("inbox");
  if (!inbox || !window.EventSource || !window.htmx) {
    return;
  }
  var source = new EventSource(inbox.getAttribute("data-stream"));
  var live = document.getElementById("inbox-live");
  source.addEventListener("open", function () {
    live.hidden = false;
  });
  source.addEventListener("error", function () {
    live.hidden = true;
  });
  source.addEventListener("notification", function () {
    var current = document.getElementById("inbox");
    window.htmx.ajax("GET", current.getAttribute("data-refresh"), {
      target: "#inbox",
      select: "#inbox",
      swap: "outerHTML"
    });
  });
  window.addEventListener("pagehide", function () {
    source.close();
  });
})();

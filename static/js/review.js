// The association's pages. No inline scripts: behaviour hangs on data- attributes.
(function () {
  "use strict";
  // Progress bars: width from data-width (a percentage), so no inline style is needed.
  document.querySelectorAll("[data-width]").forEach(function (el) {
    var w = parseInt(el.getAttribute("data-width"), 10);
    if (!isNaN(w)) { el.style.width = Math.max(0, Math.min(100, w)) + "%"; }
  });
  // "Select all" checkbox for a group of checkboxes with the given name.
  document.querySelectorAll("input[data-check-all]").forEach(function (master) {
    var name = master.getAttribute("data-check-all");
    master.addEventListener("change", function () {
      master.form.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (box) {
        box.checked = master.checked;
      });
    });
  });
  // Returning needs a reason: keep the button honest before the round trip.
  var reason = document.getElementById("return-reason");
  if (reason) {
    reason.form.addEventListener("submit", function (event) {
      if (!reason.value.trim()) { event.preventDefault(); reason.focus(); }
    });
  }
})();

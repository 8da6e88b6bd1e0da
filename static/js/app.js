// Site-wide behaviour. No inline scripts anywhere: pages opt in with data- attributes.
(function () {
  "use strict";
  document.querySelectorAll("select[data-autosubmit]").forEach(function (el) {
    el.addEventListener("change", function () { el.form.submit(); });
  });
})();

// Progressive enhancement only: every page works without this script.
(function () {
  'use strict';

  // The menu button of narrow screens. Bootstrap's collapse did this with an 80 KB script on every page;
  // its CSS (.collapse:not(.show) hides) is all that is needed besides this.
  document.querySelectorAll('.navbar-toggler[aria-controls]').forEach(function (button) {
    var menu = document.getElementById(button.getAttribute('aria-controls'));
    button.addEventListener('click', function () {
      button.setAttribute('aria-expanded', String(menu.classList.toggle('show')));
    });
  });

  // Show a block only when a radio or checkbox has a given value: data-show-when="outcome=VERWEZEN".
  function updateConditional(block) {
    var rule = block.getAttribute('data-show-when').split('=');
    var form = block.closest('form');
    var inputs = form ? form.querySelectorAll('input[name="' + rule[0] + '"]') : [];
    var show = Array.prototype.some.call(inputs, function (i) { return i.checked && i.value === rule[1]; });
    block.hidden = !show;
  }

  document.querySelectorAll('[data-show-when]').forEach(function (block) {
    var name = block.getAttribute('data-show-when').split('=')[0];
    var form = block.closest('form');
    if (!form) { return; }
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (input) {
      input.addEventListener('change', function () { updateConditional(block); });
    });
    updateConditional(block);
  });

  // CAP-J picker: filter by code and words, and list what is chosen.
  document.querySelectorAll('.capj-search').forEach(function (box) {
    var fieldset = box.closest('fieldset');
    var input = box.querySelector('input');
    var chosen = box.querySelector('.capj-chosen');
    var items = fieldset.querySelectorAll('[data-search]');
    box.hidden = false;
    function filter() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      items.forEach(function (item) {
        var text = item.getAttribute('data-search');
        item.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
      // An axis heading shows only while one of its codes does.
      fieldset.querySelectorAll('.capj-axis').forEach(function (heading) {
        var next = heading.nextElementSibling, any = false;
        while (next && !next.classList.contains('capj-axis')) {
          if (!next.hidden) { any = true; }
          next = next.nextElementSibling;
        }
        heading.hidden = !any;
      });
    }
    function showChosen() {
      var names = [];
      fieldset.querySelectorAll('input[type=checkbox]:checked').forEach(function (c) {
        names.push(c.parentElement.querySelector('label').textContent.trim().replace(/\s+/g, ' '));
      });
      chosen.textContent = names.length ? names.join(' · ') : '';
    }
    input.addEventListener('input', filter);
    // Enter in the search box must not submit the whole form.
    input.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); } });
    fieldset.addEventListener('change', showChosen);
    showChosen();
  });

  // Move focus to the error summary so screen readers announce it.
  var summary = document.getElementById('foutoverzicht');
  if (summary) { summary.focus(); }
})();

// Light enhancement only: every page works without it.
document.addEventListener('DOMContentLoaded', () => {
  // an error summary takes the focus, so that a screen reader announces it first
  const summary = document.querySelector('[data-autofocus]');
  if (summary) {
    summary.focus();
  }
  // a button that asks before an act that cannot be undone (refuse, revoke…)
  document.querySelectorAll('[data-confirm]').forEach((button) => {
    button.addEventListener('click', (event) => {
      if (!window.confirm(button.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });
});

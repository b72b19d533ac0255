// The administrator's pages: a rebuild's progress page follows the run by itself (the page also works without this
// script: its "refresh" link reloads it). Polls the page's small JSON route every second while the run is RUNNING
// and redraws the bar, its texts and the state; once the run has ended the refresh link stays for the final account
// (finish time), and the page is never reloaded under the reader.
document.addEventListener('DOMContentLoaded', () => {
  const rebuild = document.getElementById('rebuild');
  if (!rebuild || rebuild.getAttribute('data-state') !== 'RUNNING') {
    return;
  }
  const url = rebuild.getAttribute('data-progress-url');
  const bar = document.getElementById('rebuild-progress');
  const count = document.getElementById('rebuild-count');
  const state = document.getElementById('rebuild-state');
  const poll = () => {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((progress) => {
        bar.value = progress.percent;
        bar.textContent = progress.percent + ' %';
        count.textContent = progress.countText;
        state.textContent = progress.stateText;
        rebuild.setAttribute('data-state', progress.state);
        if (progress.state === 'RUNNING') {
          window.setTimeout(poll, 1000);
        } else {
          state.classList.add(progress.state === 'DONE' ? 'tag--ok' : 'tag--bad');
        }
      })
      .catch(() => window.setTimeout(poll, 5000));
  };
  window.setTimeout(poll, 1000);
});

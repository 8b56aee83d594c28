// S-ANN on the line page (progressive enhancement: every form works without this script).
// - "Listen before upload": a chosen file plays in the player beside its input, from the
//   browser's memory, before anything is sent.
// - "Listen" to a text: fetched and played in place instead of posting the form; the
//   media server's refusal (too long, empty) shows next to the text.
// - A recording being converted: the page is fetched again every two seconds and each
//   recording whose conversion ended is replaced by its new state (ready with its player,
//   or the refusal).
document.addEventListener('change', (event) => {
  const input = event.target;
  if (!input.matches('input[data-audio-preview]')) {
    return;
  }
  const player = input.form.querySelector('[data-audio-preview-player]');
  if (player.src) {
    URL.revokeObjectURL(player.src);
  }
  const file = input.files[0];
  player.hidden = !file;
  if (file) {
    player.src = URL.createObjectURL(file);
  }
});

document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!form.matches('[data-speech-form]') || !event.submitter || !event.submitter.matches('[data-speech-listen]')) {
    return;
  }
  event.preventDefault();
  const player = form.querySelector('[data-speech-player]');
  const error = form.querySelector('[data-speech-error]');
  const query = new URLSearchParams({ text: form.elements.Text.value, language: form.elements.Language.value });
  error.hidden = true;
  event.submitter.disabled = true;
  try {
    const response = await fetch(`${form.dataset.speechUrl}?${query}`);
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      error.textContent = problem.detail || response.statusText;
      error.hidden = false;
      return;
    }
    if (player.src.startsWith('blob:')) {
      URL.revokeObjectURL(player.src);
    }
    player.src = URL.createObjectURL(await response.blob());
    player.hidden = false;
    player.play().catch(() => {});
  } finally {
    event.submitter.disabled = false;
  }
});

const refreshConversions = async () => {
  const converting = document.querySelectorAll('[data-recording-converting]');
  if (converting.length === 0) {
    return;
  }
  try {
    const response = await fetch(location.pathname + location.search);
    if (response.ok) {
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      converting.forEach((recording) => {
        const fresh = page.querySelector(`[data-testid="${recording.dataset.testid}"]`);
        if (fresh && !fresh.hasAttribute('data-recording-converting')) {
          recording.replaceWith(document.importNode(fresh, true));
        }
      });
    }
  } finally {
    setTimeout(refreshConversions, 2000);
  }
};
document.addEventListener('DOMContentLoaded', () => setTimeout(refreshConversions, 2000));

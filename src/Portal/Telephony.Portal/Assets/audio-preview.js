// S-ANN "listen before upload" (progressive enhancement): a chosen file plays in the player
// beside its input, from the browser's memory, before anything is sent.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('input[data-audio-preview]').forEach((input) => {
    const player = input.form.querySelector('[data-audio-preview-player]');
    input.addEventListener('change', () => {
      if (player.src) {
        URL.revokeObjectURL(player.src);
      }
      const file = input.files[0];
      player.hidden = !file;
      if (file) {
        player.src = URL.createObjectURL(file);
      }
    });
  });
});

// L-KEYS drag and drop (progressive enhancement; pointer events rather than HTML5 drag and drop,
// so mouse, touch and pen behave alike): each category's list is sortable on its own,
// so a key never leaves its category; dropping posts the new order of every key's position to
// the same use case as the move up/down buttons, which keep working without script.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('[data-key-order-form]');
  if (!form || typeof Sortable === 'undefined') {
    return;
  }

  const lists = document.querySelectorAll('[data-sortable-keys]');
  const submitOrder = () => {
    const order = [];
    lists.forEach((list) => list.querySelectorAll('li[data-position]').forEach((item) => order.push(item.dataset.position)));
    form.querySelector('[data-key-order]').value = order.join(',');
    form.submit();
  };
  lists.forEach((list) => {
    list.classList.add('draggable');
    Sortable.create(list, { animation: 150, forceFallback: true, onEnd: (event) => { if (event.oldIndex !== event.newIndex) submitOrder(); } });
  });
});

/**
 * Whether the mouse really moved. Chrome sends mouse events when a list appears under a mouse
 * that is standing still; a highlight that followed them would change what Enter picks while
 * the person is typing. Options follow the mouse only when it moved.
 */
let lastX = Number.NaN;
let lastY = Number.NaN;
// Bubbling, on window: it runs after the option's own handler has compared.
addEventListener('mousemove', (e) => {
  lastX = e.clientX;
  lastY = e.clientY;
});

export function pointerMoved(e: MouseEvent): boolean {
  return e.clientX !== lastX || e.clientY !== lastY;
}

// Focuses the page's heading unless the person is already in a field (see FocusHeadingOnNavigate.razor).
export function focusHeading(selector) {
    const active = document.activeElement;
    if (active && active !== document.body && active.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) {
        return;
    }
    const heading = document.querySelector(selector);
    if (!heading) return;
    // A heading is not focusable by default; tabindex -1 lets a script focus it without adding it to the tab order.
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
}

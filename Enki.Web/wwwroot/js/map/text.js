// Small text helpers shared by the map's popups, tooltips and legends.

export function escapeHtml(text) {
    return String(text ?? "").replace(/[&<>"']/g, c => ({
        "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"
    })[c]);
}

/** French thousands separator (narrow no-break space), as the rest of the console writes numbers. */
export function formatCount(value) {
    return new Intl.NumberFormat("fr-FR").format(value);
}

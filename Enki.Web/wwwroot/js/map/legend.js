// A collapsible legend control (<details>): open on wide maps, closed on phones so that it
// never hides the territory; the reader opens it with one tap.

import { escapeHtml } from "./text.js";

const NARROW = 600;

export class Legend {
    constructor(L, map, position, title) {
        this._map = map;
        this._title = title;
        this._control = L.control({ position });
        this._control.onAdd = () => {
            const details = L.DomUtil.create("details", "enki-legend");
            details.open = map.getContainer().clientWidth >= NARROW;
            L.DomEvent.disableClickPropagation(details);
            L.DomEvent.disableScrollPropagation(details);
            this._details = details;
            return details;
        };
        this._shown = false;
    }

    /**
     * Shows rows of `{ colour, label, square, outline, opacity, small, separated }` (square swatches
     * for areas, round for markers, outline for a territory's border; a separated row starts a new
     * group); no rows hides the legend.
     */
    show(rows) {
        if (!rows.length) {
            this.hide();
            return;
        }
        if (!this._shown) {
            this._control.addTo(this._map);
            this._shown = true;
        }
        const items = rows.map(row => {
            const classes = ["enki-legend-swatch"];
            if (row.square) classes.push("enki-legend-swatch-square");
            if (row.outline) classes.push("enki-legend-swatch-outline");
            if (row.small) classes.push("enki-legend-swatch-small");
            const opacity = row.opacity === undefined ? "" : `;--swatch-opacity:${row.opacity}`;
            return `<li${row.separated ? ' class="enki-legend-separated"' : ""}><span class="${classes.join(" ")}" style="--swatch:${row.colour}${opacity}"></span>${escapeHtml(row.label)}</li>`;
        });
        this._details.innerHTML = `<summary>${escapeHtml(this._title)}</summary><ul>${items.join("")}</ul>`;
    }

    /** Changes the title shown in the summary (at the next `show`). */
    setTitle(title) {
        this._title = title;
    }

    hide() {
        if (this._shown) {
            this._control.remove();
            this._shown = false;
        }
    }
}

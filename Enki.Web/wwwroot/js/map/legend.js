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

    /** Shows rows of `{ colour, label, square }` (square swatches for areas, round for markers); no rows hides the legend. */
    show(rows) {
        if (!rows.length) {
            this.hide();
            return;
        }
        if (!this._shown) {
            this._control.addTo(this._map);
            this._shown = true;
        }
        const items = rows.map(row =>
            `<li><span class="enki-legend-swatch${row.square ? " enki-legend-swatch-square" : ""}" style="--swatch:${row.colour}"></span>${escapeHtml(row.label)}</li>`);
        this._details.innerHTML = `<summary>${escapeHtml(this._title)}</summary><ul>${items.join("")}</ul>`;
    }

    hide() {
        if (this._shown) {
            this._control.remove();
            this._shown = false;
        }
    }
}

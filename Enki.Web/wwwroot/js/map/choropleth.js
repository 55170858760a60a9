// Incidents in progress per department, painted on the department outlines (national scale).

import { CHOROPLETH_CLASSES, choroplethColour } from "./palette.js";
import { Legend } from "./legend.js";

export class Choropleth {
    constructor(L, map, host) {
        this._host = host;
        this._counts = null;
        this._legend = new Legend(L, map, "bottomleft", "Incidents en cours par département");
    }

    get active() {
        return this._counts !== null;
    }

    /** Fill colour of the department (null: keep the plain outline style). */
    fillFor(code) {
        if (!this._counts) {
            return null;
        }
        return choroplethColour(this._counts[code] || 0);
    }

    /** Sets the counts (department code → incidents in progress); null removes the choropleth. */
    set(counts, showLegend) {
        this._counts = counts || null;
        if (this._counts && showLegend !== false) {
            this._legend.show([
                { colour: "var(--enki-map-land)", label: "Aucun", square: true },
                ...CHOROPLETH_CLASSES.map(c => ({ colour: c.colour, label: c.label, square: true }))
            ]);
        } else {
            this._legend.hide();
        }
    }

    /** Marks the host with the number of departments painted, once the outlines are styled. */
    markPainted(codes) {
        if (!this._counts) {
            this._host.removeAttribute("data-choropleth");
            return;
        }
        const painted = codes.filter(code => (this._counts[code] || 0) > 0).length;
        this._host.setAttribute("data-choropleth", String(painted));
    }
}

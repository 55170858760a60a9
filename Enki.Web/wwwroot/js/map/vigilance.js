// Today's vigilance (Météo-France, Vigicrues) per department: the departments under yellow, orange or red
// filled with their highest colour, as a Leaflet overlay the reader switches on and off with Leaflet's own
// layers control (« Vigilance »), with its legend. Sets `data-vigilance="N"` (departments painted) on the host.

import { Legend } from "./legend.js";
import { escapeHtml } from "./text.js";

const TITLE = "Vigilance";
const ROWS = [
    { colour: "#FFF600", label: "Jaune", square: true },
    { colour: "#FFB82B", label: "Orange", square: true },
    { colour: "#CC0000", label: "Rouge", square: true }
];

export class VigilanceLayer {
    constructor(L, map, host) {
        this._L = L;
        this._map = map;
        this._host = host;
        this._departments = null;
        this._painted = {};
        this._layer = L.layerGroup();
        this._control = null;
        this._legend = new Legend(L, map, "bottomright", "Vigilance du jour");
        this._shown = true;
        map.on("overlayadd", e => { if (e.layer === this._layer) { this._shown = true; this._showLegend(); } });
        map.on("overlayremove", e => { if (e.layer === this._layer) { this._shown = false; this._legend.hide(); } });
    }

    /** The department outlines (GeoJSON object), kept to paint from. */
    setDepartments(geojson) {
        this._departments = geojson;
        this._draw();
    }

    /** `{ "35": { colour: "#FFB82B", text: "Vent violent orange (35)…" } }`; empty or null: nothing to show. */
    set(painted) {
        this._painted = painted || {};
        this._draw();
    }

    _draw() {
        this._layer.clearLayers();
        const codes = Object.keys(this._painted);
        if (!codes.length) {
            this._control?.remove();
            this._control = null;
            this._layer.remove();
            this._legend.hide();
            this._host.removeAttribute("data-vigilance");
            return;
        }
        if (this._departments) {
            const features = this._departments.features.filter(f => this._painted[(f.properties || {}).code]);
            const painted = this._L.geoJSON({ type: "FeatureCollection", features }, {
                interactive: true,
                style: f => ({
                    color: this._painted[f.properties.code].colour, weight: 2.5, opacity: 1,
                    fillColor: this._painted[f.properties.code].colour, fillOpacity: 0.3
                }),
                onEachFeature: (f, layer) => layer.bindTooltip(escapeHtml(this._painted[f.properties.code].text), { sticky: true, direction: "top" })
            });
            this._layer.addLayer(painted);
            this._host.setAttribute("data-vigilance", String(features.length));
        }
        if (!this._control) {
            this._control = this._L.control.layers(null, { [TITLE]: this._layer }, { collapsed: false, position: "topright" }).addTo(this._map);
            this._shown = true;
        }
        if (this._shown) {
            this._layer.addTo(this._map);
            this._showLegend();
        }
    }

    _showLegend() {
        const present = new Set(Object.values(this._painted).map(p => p.colour.toUpperCase()));
        this._legend.show(ROWS.filter(r => present.has(r.colour)));
    }

    dispose() {
        this._control?.remove();
        this._layer.remove();
        this._legend.hide();
    }
}

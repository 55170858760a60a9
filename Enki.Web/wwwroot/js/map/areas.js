// An indicator painted on its areas (communes or departments): each feature of the indicator's GeoJSON
// filled with the colour of its class, computed by the server (Components/Indicators/ChoroplethClasses.cs),
// with a tooltip giving the figure and a legend naming the classes and how they were cut.

import { Legend } from "./legend.js";
import { escapeHtml } from "./text.js";

const AREAS_PANE = "enki-indicator-areas";

export class IndicatorAreas {
    constructor(L, map, host) {
        this._L = L;
        this._map = map;
        this._host = host;
        this._layer = null;
        this._legend = new Legend(L, map, "bottomleft", "");
        // Its own pane above the outlines (drawn whenever their fetch ends), under markers and tooltips.
        const pane = map.getPane(AREAS_PANE) || map.createPane(AREAS_PANE);
        pane.style.zIndex = 450;
    }

    /**
     * `geojson`: FeatureCollection whose features carry `code` and `name`; `paint`: `{ colours: { code: colour },
     * texts: { code: "12 interventions" }, title, classes: [{ colour, label }] }`. Null removes the layer.
     * Sets `data-indicator-areas="N"` (features painted).
     */
    show(geojson, paint, fitToAreas) {
        this._layer?.remove();
        this._layer = null;
        if (!geojson || !paint) {
            this._legend.hide();
            this._host.removeAttribute("data-indicator-areas");
            return 0;
        }
        const colours = paint.colours || {};
        const texts = paint.texts || {};
        this._layer = this._L.geoJSON(geojson, {
            pane: AREAS_PANE,
            style: feature => {
                const colour = colours[(feature.properties || {}).code];
                return {
                    color: "#5b4a3a", weight: 0.8, opacity: 1,
                    fill: true, fillColor: colour || "#ffffff", fillOpacity: colour ? 0.85 : 0
                };
            },
            onEachFeature: (feature, layer) => {
                const props = feature.properties || {};
                const text = `${props.name} (${props.code}) : ${texts[props.code] ?? "—"}`;
                layer.bindTooltip(escapeHtml(text), { sticky: true, direction: "top" });
                layer.on({
                    mouseover: e => e.target.setStyle({ weight: 2.5, color: "#1f3b57" }),
                    mouseout: e => this._layer.resetStyle(e.target)
                });
            }
        }).addTo(this._map);
        this._legend.setTitle(paint.title || "");
        this._legend.show((paint.classes || []).map(c => ({ colour: c.colour, label: c.label, square: true })));
        const count = this._layer.getLayers().length;
        this._host.setAttribute("data-indicator-areas", String(count));
        if (fitToAreas && count > 0) {
            const bounds = this._layer.getBounds();
            if (bounds.isValid()) {
                this._map.fitBounds(bounds, { padding: [16, 16], maxZoom: 11 });
            }
        }
        return count;
    }

    dispose() {
        this._legend.hide();
        this._layer?.remove();
    }
}

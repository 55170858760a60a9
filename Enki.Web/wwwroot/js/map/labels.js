// Commune names on the map: as many as fit without overlapping, placed again after each zoom or
// pan. The viewer's own commune comes first, then the largest communes, so that a department
// view names its main towns and zooming in names the rest.

import { escapeHtml } from "./text.js";

const LABEL_PANE = "enki-labels";
const MAX_LABELS = 160;

export class CommuneLabels {
    /** `scale`: the labels' font size relative to the console's (2 on the wall display). */
    constructor(L, map, host, scale) {
        this._L = L;
        this._scale = scale || 1;
        this._map = map;
        this._host = host;
        this._candidates = [];
        this._first = null;
        this._group = L.layerGroup().addTo(map);
        if (!map.getPane(LABEL_PANE)) {
            // Over the outlines, under the incident markers (450): a label never hides an incident.
            const pane = map.createPane(LABEL_PANE);
            pane.style.zIndex = 420;
            pane.style.pointerEvents = "none";
        }
        this._onView = () => this._place();
        map.on("zoomend moveend resize", this._onView);
    }

    /** Names the communes of `layer` (a GeoJSON layer whose features carry `code` and `name`); null clears. */
    set(layer) {
        this._candidates = [];
        if (layer) {
            layer.eachLayer(feature => {
                const props = feature.feature?.properties || {};
                if (!props.name) {
                    return;
                }
                const bounds = feature.getBounds();
                const size = Math.abs((bounds.getNorth() - bounds.getSouth()) * (bounds.getEast() - bounds.getWest()));
                this._candidates.push({ code: props.code, name: props.name, at: feature.getCenter(), size });
            });
            this._candidates.sort((a, b) => b.size - a.size);
        }
        this._place();
    }

    /** The commune labelled before any other (the viewer's own); null for none. */
    putFirst(code) {
        this._first = code || null;
        this._place();
    }

    _place() {
        this._group.clearLayers();
        const view = this._map.getBounds();
        const placed = [];
        const ordered = this._first
            ? [...this._candidates.filter(c => c.code === this._first), ...this._candidates.filter(c => c.code !== this._first)]
            : this._candidates;
        for (const candidate of ordered) {
            if (placed.length >= MAX_LABELS) {
                break;
            }
            if (!view.contains(candidate.at)) {
                continue;
            }
            const point = this._map.latLngToContainerPoint(candidate.at);
            // Width estimated from the name's length at the label's font size (see map.css).
            const box = {
                left: point.x - (candidate.name.length * 3.6 + 6) * this._scale,
                right: point.x + (candidate.name.length * 3.6 + 6) * this._scale,
                top: point.y - 9 * this._scale,
                bottom: point.y + 9 * this._scale,
            };
            if (placed.some(other => box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom)) {
                continue;
            }
            placed.push(box);
            const own = candidate.code === this._first;
            this._L.marker(candidate.at, {
                pane: LABEL_PANE,
                interactive: false,
                keyboard: false,
                icon: this._L.divIcon({
                    className: own ? "enki-commune-label enki-commune-label-own" : "enki-commune-label",
                    html: `<span>${escapeHtml(candidate.name)}</span>`,
                    iconSize: null,
                }),
            }).addTo(this._group);
        }
        if (this._candidates.length) {
            this._host.setAttribute("data-commune-labels", String(placed.length));
        } else {
            this._host.removeAttribute("data-commune-labels");
        }
    }

    dispose() {
        this._map.off("zoomend moveend resize", this._onView);
        this._group.remove();
    }
}

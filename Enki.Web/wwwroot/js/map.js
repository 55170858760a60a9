// Enki map module: a thin wrapper around Leaflet, imported from Blazor with
// `import("./js/map.js")` (see Components/Map/LeafletMapBase.cs).
//
// Offline by default: without a tile URL no tile layer is created, so the map never
// requests anything from the internet; outlines are drawn on a plain background.
//
// The host element receives markers for tests and tools: data-outlines-loaded="N",
// data-outlines-error, data-communes-loaded="N", data-markers="N", data-choropleth="N".

import { loadLeaflet } from "./map/loader.js";
import { readGeoJson } from "./map/geojson.js";
import { escapeHtml } from "./map/text.js";
import { IncidentLayer, INCIDENT_PANE } from "./map/incidents.js";
import { Choropleth } from "./map/choropleth.js";

export { loadLeaflet };

// Metropolitan France (Corsica included). Overseas departments are far away; framing
// them all would zoom out to the whole world, so the default view is the metropole.
const FRANCE_BOUNDS = [[41.3, -5.2], [51.15, 9.6]];

const DEFAULT_BACKGROUND = "#dfe6ec";

const DEFAULT_STYLE = {
    color: "#4a5a6a",
    weight: 0.8,
    opacity: 1,
    fillColor: "#f3efe4",
    fillOpacity: 1
};

const HOVER_STYLE = {
    color: "#1f3b57",
    weight: 2,
    fillColor: "#d9e6f2"
};

// Communes are drawn over the departments: thin lines, no fill of their own.
const COMMUNE_STYLE = {
    color: "#7d8c99",
    weight: 0.5,
    opacity: 0.9,
    fill: true,
    fillOpacity: 0
};

// Departments outside the territory looked at: greyed, so that the territory stands out.
const OUTSIDE_STYLE = { color: "#8a98a6", fillColor: "#e4e8ec" };

const COMMUNE_HOVER_STYLE = { color: "#1f3b57", weight: 1.5, fillColor: "#d9e6f2", fillOpacity: 0.5 };

/** Values that .NET serialized once for every circuit arrive as UTF-8 JSON bytes. */
function fromJsonBytes(value) {
    return value instanceof Uint8Array ? JSON.parse(new TextDecoder().decode(value)) : value;
}

function hasSize(element) {
    return element.clientWidth > 0 && element.clientHeight > 0;
}

function label(props) {
    return props.code ? `${props.nom} (${props.code})` : props.nom;
}

class EnkiMap {
    constructor(L, element, options) {
        this._L = L;
        // The host element belongs to Blazor (it may re-render its attributes); Leaflet gets
        // its own child element, and the host only receives the data-* markers.
        this._host = element;
        this._element = document.createElement("div");
        this._element.className = "enki-map-canvas";
        this._element.style.width = "100%";
        this._element.style.height = "100%";
        element.appendChild(this._element);
        this._outlines = null;
        this._communes = null;
        this._tiles = null;
        this._point = null;
        this._focus = null;
        this._pendingFit = null;
        this._disposed = false;
        this._versions = { outlines: 0, communes: 0 };

        this._element.style.background = options.background || DEFAULT_BACKGROUND;
        this._map = L.map(this._element, {
            zoomSnap: 0.25,
            zoomDelta: 0.5,
            minZoom: 2,
            maxZoom: 18,
            attributionControl: true
        });
        this._map.attributionControl.setPrefix(false);
        this._incidents = new IncidentLayer(L, this._map, this._host);
        this._choropleth = new Choropleth(L, this._map, this._host);

        this.setTileLayer(options.tileUrl, options.tileAttribution);
        this.fitFrance();

        // MudBlazor layouts resize the container after first paint (drawer, tabs...).
        this._resizeObserver = new ResizeObserver(() => this._onResize());
        this._resizeObserver.observe(this._element);
    }

    _onResize() {
        if (this._disposed) {
            return;
        }
        this._map.invalidateSize({ pan: false });
        if (this._pendingFit && hasSize(this._element)) {
            this._pendingFit();
        }
    }

    /** Runs a framing now, or when the container gets a size (Leaflet needs one to compute a zoom). */
    _frame(apply) {
        if (this._disposed) {
            return;
        }
        if (!hasSize(this._element)) {
            this._map.setView([46.6, 2.4], 5);
            this._pendingFit = apply;
            return;
        }
        this._pendingFit = null;
        apply();
    }

    /** Frames metropolitan France. */
    fitFrance() {
        this._frame(() => this._map.fitBounds(FRANCE_BOUNDS, { padding: [8, 8] }));
    }

    /** Frames `[[south, west], [north, east]]` (a commune, a department, a zone); null frames France. */
    fitTo(bounds) {
        if (!bounds) {
            this.fitFrance();
            return;
        }
        this._frame(() => this._map.fitBounds(bounds, { padding: [12, 12], maxZoom: 14 }));
    }

    /** Adds (or replaces) a raster tile layer; an empty URL removes it (offline mode). */
    setTileLayer(url, attribution) {
        if (this._disposed) {
            return;
        }
        if (this._tiles) {
            this._tiles.remove();
            this._tiles = null;
        }
        if (url) {
            this._tiles = this._L.tileLayer(url, {
                attribution: attribution || "",
                maxZoom: 18
            }).addTo(this._map);
            if (this._outlines) {
                this._outlines.bringToFront();
            }
        }
    }

    /** Fetches GeoJSON for the layer `name`; null when superseded or disposed meanwhile. */
    async _load(name, source, attribute) {
        const version = ++this._versions[name];
        const current = () => !this._disposed && version === this._versions[name];
        this._host.removeAttribute(attribute);
        this._host.removeAttribute(`${attribute.replace("-loaded", "")}-error`);
        try {
            const geojson = await readGeoJson(source);
            return current() ? geojson : null;
        } catch (error) {
            if (current()) {
                this._host.setAttribute(`${attribute.replace("-loaded", "")}-error`, String(error.message || error));
            }
            throw error;
        }
    }

    _outlineLayer(geojson, style, hover) {
        const layer = this._L.geoJSON(geojson, {
            style,
            onEachFeature: (feature, featureLayer) => {
                const text = label(feature.properties || {});
                if (text) {
                    featureLayer.bindTooltip(escapeHtml(text), { sticky: true, direction: "top" });
                }
                featureLayer.on({
                    mouseover: e => {
                        e.target.setStyle(hover);
                        e.target.bringToFront();
                    },
                    mouseout: e => layer.resetStyle(e.target)
                });
            }
        }).addTo(this._map);
        return layer;
    }

    /**
     * Draws department outlines from a GeoJSON FeatureCollection (URL or object) whose
     * features carry `code` and `nom` properties. Returns the number of features drawn
     * and sets `data-outlines-loaded="N"` on the container.
     */
    async showOutlines(source, style) {
        if (this._disposed) {
            return 0;
        }
        const geojson = await this._load("outlines", source, "data-outlines-loaded");
        if (!geojson) {
            return 0; // disposed or superseded by a newer call while fetching
        }
        if (this._outlines) {
            this._outlines.remove();
        }
        const baseStyle = { ...DEFAULT_STYLE, ...(style || {}) };
        const layer = this._outlineLayer(geojson,
            feature => this._departmentStyle(baseStyle, feature),
            { ...HOVER_STYLE, fillOpacity: baseStyle.fillOpacity });
        this._outlines = layer;
        if (this._communes) {
            this._communes.bringToFront();
        }
        this._markChoropleth();
        const count = layer.getLayers().length;
        this._host.setAttribute("data-outlines-loaded", String(count));
        return count;
    }

    _departmentStyle(baseStyle, feature) {
        const code = (feature.properties || {}).code;
        if (this._focus && !this._focus.has(code)) {
            return { ...baseStyle, ...OUTSIDE_STYLE };
        }
        const fill = this._choropleth.fillFor(code);
        return fill ? { ...baseStyle, fillColor: fill } : baseStyle;
    }

    _restyleDepartments() {
        if (this._outlines) {
            this._outlines.eachLayer(layer => this._outlines.resetStyle(layer));
        }
    }

    /** Greys the departments outside `codes` (the territory looked at); null or empty shows them all alike. */
    focusDepartments(codes) {
        if (this._disposed) {
            return;
        }
        this._focus = codes && codes.length ? new Set(codes) : null;
        this._restyleDepartments();
    }

    /**
     * Draws commune outlines over the departments (GeoJSON URL or object; `style` overrides the
     * thin unfilled lines); null removes them. Sets `data-communes-loaded="N"`.
     */
    async showCommuneOutlines(source, style) {
        if (this._disposed) {
            return 0;
        }
        if (!source) {
            ++this._versions.communes;
            this._communes?.remove();
            this._communes = null;
            this._host.removeAttribute("data-communes-loaded");
            return 0;
        }
        const geojson = await this._load("communes", source, "data-communes-loaded");
        if (!geojson) {
            return 0;
        }
        this._communes?.remove();
        const communeStyle = { ...COMMUNE_STYLE, ...(style || {}) };
        this._communes = this._outlineLayer(geojson, () => communeStyle, COMMUNE_HOVER_STYLE);
        const count = this._communes.getLayers().length;
        this._host.setAttribute("data-communes-loaded", String(count));
        return count;
    }

    /**
     * Draws incident markers from a layer payload, UTF-8 JSON bytes (or the parsed object) of
     * `{ partial, markers, removed }`, the whole layer or (partial) what changed since the previous
     * one. Options (bytes or object): `cluster` (wide scales), `legend` (default true), `families`
     * (code → French label).
     * Sets `data-markers="N"`; returns N.
     */
    showIncidents(payload, options) {
        if (this._disposed) {
            return 0;
        }
        return this._incidents.show(fromJsonBytes(payload), fromJsonBytes(options));
    }

    /** Live update: same as `showIncidents`, kept as its own name for readability on the Blazor side. */
    updateIncidents(payload, options) {
        return this.showIncidents(payload, options);
    }

    /** Paints department outlines by incidents in progress (`{ "77": 12 }`); null removes it. Sets `data-choropleth="N"`. */
    showChoropleth(counts, options) {
        if (this._disposed) {
            return;
        }
        this._choropleth.set(counts, (options || {}).legend);
        this._restyleDepartments();
        this._markChoropleth();
    }

    _markChoropleth() {
        if (this._outlines) {
            this._choropleth.markPainted(this._outlines.getLayers().map(l => (l.feature.properties || {}).code));
        }
    }

    /** One point (an incident's place) centred at `zoom`. */
    showPoint(lat, lon, zoom) {
        if (this._disposed) {
            return;
        }
        this._point?.remove();
        this._point = this._L.circleMarker([lat, lon], {
            pane: INCIDENT_PANE, radius: 8, color: "#ffffff", weight: 2, fillColor: "#c62828", fillOpacity: 1
        }).addTo(this._map);
        this._host.setAttribute("data-markers", "1");
        this._frame(() => this._map.setView([lat, lon], zoom || 14));
    }

    dispose() {
        if (this._disposed) {
            return;
        }
        this._disposed = true;
        this._resizeObserver.disconnect();
        this._map.remove();
        this._element.remove();
        for (const name of ["data-outlines-loaded", "data-outlines-error", "data-communes-loaded", "data-communes-error", "data-markers", "data-choropleth"]) {
            this._host.removeAttribute(name);
        }
    }
}

/**
 * Creates a map filling `element` (which must have a height). Options: `tileUrl` and
 * `tileAttribution` (optional; no tile layer when empty), `background` (CSS colour of the
 * empty map). Returns the map handle.
 */
export async function createMap(element, options) {
    const L = await loadLeaflet();
    return new EnkiMap(L, element, options || {});
}

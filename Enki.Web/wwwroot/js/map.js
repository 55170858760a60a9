// Enki map module: a thin wrapper around Leaflet, imported from Blazor with
// `import("./js/map.js")` (see Components/Map/LeafletMapBase.cs).
//
// Offline by default: without a tile URL no tile layer is created, so the map never
// requests anything from the internet; outlines are drawn on a plain background.
//
// With a tile URL (`Enki:Map:TileUrl`, e.g. the IGN Géoplateforme's Plan IGN), the tiles show
// through: the land is no longer filled, only outlines and the choropleth's tints are drawn.
//
// The host element receives markers for tests and tools: data-outlines-loaded="N",
// data-outlines-error, data-communes-loaded="N", data-commune-labels="N", data-markers="N",
// data-choropleth="N", data-tiles="on", data-own-territory="code", data-vigilance="N".

import { loadLeaflet } from "./map/loader.js";
import { readGeoJson } from "./map/geojson.js";
import { escapeHtml } from "./map/text.js";
import { IncidentLayer, INCIDENT_PANE } from "./map/incidents.js";
import { Choropleth } from "./map/choropleth.js";
import { CommuneLabels } from "./map/labels.js";
import { IndicatorAreas } from "./map/areas.js";
import { VigilanceLayer } from "./map/vigilance.js";

export { loadLeaflet };

// Metropolitan France (Corsica included). Overseas departments are far away; framing
// them all would zoom out to the whole world, so the default view is the metropole.
const FRANCE_BOUNDS = [[41.3, -5.2], [51.15, 9.6]];

// Two looks: the console's light one, and the wall display's dark one with large type (read from across a room).
const THEMES = {
    light: {
        background: "#dfe6ec",
        department: { color: "#4a5a6a", weight: 0.8, opacity: 1, fillColor: "#f3efe4", fillOpacity: 1 },
        hover: { color: "#1f3b57", weight: 2, fillColor: "#d9e6f2" },
        // Communes are drawn over the departments: thin lines, no fill of their own.
        commune: { color: "#7d8c99", weight: 0.5, opacity: 0.9, fill: true, fillOpacity: 0 },
        communeHover: { color: "#1f3b57", weight: 1.5, fillColor: "#d9e6f2", fillOpacity: 0.5 },
        // Departments outside the territory looked at: greyed, so that the territory stands out.
        outside: { color: "#8a98a6", fillColor: "#e4e8ec" },
        // The viewer's own territory: a strong outline over everything else.
        own: { color: "#0b3d91", weight: 3.5, opacity: 1 }
    },
    wall: {
        background: "#05080f",
        department: { color: "#8da2bb", weight: 1, opacity: 1, fillColor: "#1a2740", fillOpacity: 1 },
        hover: { color: "#ffffff", weight: 2, fillColor: "#24375a" },
        commune: { color: "#4f6383", weight: 0.6, opacity: 0.9, fill: true, fillOpacity: 0 },
        communeHover: { color: "#ffffff", weight: 1.5, fillColor: "#24375a", fillOpacity: 0.5 },
        outside: { color: "#3a4a63", fillColor: "#0d1526" },
        own: { color: "#ffb703", weight: 4, opacity: 1 }
    }
};

// Over street tiles the land is not filled (the tiles are the land); tints stay see-through.
const OVER_TILES = { fillOpacity: 0 };
const OUTSIDE_OVER_TILES = { fillOpacity: 0.35 };
const CHOROPLETH_OVER_TILES = 0.55;

/** Values that .NET serialized once for every circuit arrive as UTF-8 JSON bytes. */
function fromJsonBytes(value) {
    return value instanceof Uint8Array ? JSON.parse(new TextDecoder().decode(value)) : value;
}

function hasSize(element) {
    return element.clientWidth > 0 && element.clientHeight > 0;
}

function label(props) {
    return props.code ? `${props.name} (${props.code})` : props.name;
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
        this._communeOverride = {};
        this._theme = THEMES[options.theme] || THEMES.light;
        this._own = { departments: new Set(), commune: null };
        this._baseStyle = this._theme.department;

        this._element.style.background = options.background || this._theme.background;
        if (options.theme === "wall") {
            element.classList.add("enki-map-wall");
        }
        this._map = L.map(this._element, {
            zoomSnap: 0.25,
            zoomDelta: 0.5,
            minZoom: 2,
            maxZoom: 18,
            attributionControl: true,
            // A wall display is looked at, never touched.
            zoomControl: options.zoomControl !== false
        });
        this._map.attributionControl.setPrefix(false);
        const scale = options.theme === "wall" ? 1.6 : 1;
        this._incidents = new IncidentLayer(L, this._map, this._host, scale);
        this._choropleth = new Choropleth(L, this._map, this._host);
        this._labels = new CommuneLabels(L, this._map, this._host, scale === 1 ? 1 : 2);
        this._areas = new IndicatorAreas(L, this._map, this._host);
        this._vigilance = new VigilanceLayer(L, this._map, this._host);

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
            this._host.setAttribute("data-tiles", "on");
        } else {
            this._host.removeAttribute("data-tiles");
        }
        this._restyleDepartments();
        this._restyleCommunes();
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
     * features carry `code` and `name` properties. Returns the number of features drawn
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
        this._baseStyle = { ...this._theme.department, ...(style || {}) };
        const layer = this._outlineLayer(geojson,
            feature => this._departmentStyle(feature),
            { ...this._theme.hover, fillOpacity: this._tiles ? 0.2 : this._baseStyle.fillOpacity });
        this._outlines = layer;
        this._vigilance.setDepartments(geojson);
        if (this._communes) {
            this._communes.bringToFront();
        }
        this._markChoropleth();
        const count = layer.getLayers().length;
        this._host.setAttribute("data-outlines-loaded", String(count));
        return count;
    }

    _departmentStyle(feature) {
        const code = (feature.properties || {}).code;
        const tiles = !!this._tiles;
        const own = this._own.departments.has(code) ? this._theme.own : null;
        if (this._focus && !this._focus.has(code)) {
            return { ...this._baseStyle, ...this._theme.outside, ...(tiles ? OUTSIDE_OVER_TILES : {}), ...own };
        }
        const fill = this._choropleth.fillFor(code);
        if (fill) {
            return { ...this._baseStyle, fillColor: fill, ...(tiles ? { fillOpacity: CHOROPLETH_OVER_TILES } : {}), ...own };
        }
        return { ...this._baseStyle, ...(tiles ? OVER_TILES : {}), ...own };
    }

    _communeStyle(feature) {
        const base = { ...this._theme.commune, ...this._communeOverride, ...(this._tiles ? OVER_TILES : {}) };
        return (feature.properties || {}).code === this._own.commune ? { ...base, ...this._theme.own } : base;
    }

    _restyleDepartments() {
        if (this._outlines) {
            this._outlines.eachLayer(layer => this._outlines.resetStyle(layer));
            this._bringOwnToFront(this._outlines, feature => this._own.departments.has(feature.properties?.code));
        }
    }

    _restyleCommunes() {
        if (this._communes) {
            this._communes.eachLayer(layer => this._communes.resetStyle(layer));
            this._bringOwnToFront(this._communes, feature => feature.properties?.code === this._own.commune);
        }
    }

    // A thick outline drawn under its neighbours would be half hidden by their thin ones.
    _bringOwnToFront(layer, isOwn) {
        layer.eachLayer(feature => {
            if (isOwn(feature.feature || {})) {
                feature.bringToFront();
            }
        });
    }

    /**
     * Outlines the viewer's own territory: `{ departments: [codes], commune: code }` (a zone is
     * its departments); null or empty clears it. Sets `data-own-territory` to the codes outlined.
     */
    highlightTerritory(territory) {
        if (this._disposed) {
            return;
        }
        const own = territory || {};
        this._own = { departments: new Set(own.departments || []), commune: own.commune || null };
        this._labels.putFirst(this._own.commune);
        this._restyleDepartments();
        this._restyleCommunes();
        const codes = this._own.commune ? [this._own.commune] : [...this._own.departments];
        if (codes.length) {
            this._host.setAttribute("data-own-territory", codes.join(" "));
        } else {
            this._host.removeAttribute("data-own-territory");
        }
        this._incidents.setOwnTerritory(own.label || null, this._theme.own.color);
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
            this._labels.set(null);
            this._host.removeAttribute("data-communes-loaded");
            return 0;
        }
        const geojson = await this._load("communes", source, "data-communes-loaded");
        if (!geojson) {
            return 0;
        }
        this._communes?.remove();
        this._communeOverride = style || {};
        this._communes = this._outlineLayer(geojson, feature => this._communeStyle(feature), this._theme.communeHover);
        this._bringOwnToFront(this._communes, feature => feature.properties?.code === this._own.commune);
        this._labels.set(this._communes);
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

    /** Paints today's vigilance: `{ "35": { colour, text } }` by department; null or empty removes it. */
    showVigilance(painted) {
        if (this._disposed) {
            return;
        }
        this._vigilance.set(fromJsonBytes(painted));
        this._communes?.bringToFront();
    }

    _markChoropleth() {
        if (this._outlines) {
            this._choropleth.markPainted(this._outlines.getLayers().map(l => (l.feature.properties || {}).code));
        }
    }

    /**
     * Paints an indicator on its areas: GeoJSON (UTF-8 JSON bytes or object) of the communes or departments
     * with a figure, and `paint` (bytes or object: colours and tooltip texts by code, legend title and classes);
     * `fitToAreas` frames them (a crisis's territory, whose bounds the server does not give). Returns the count.
     */
    showIndicatorAreas(geojson, paint, fitToAreas) {
        if (this._disposed) {
            return 0;
        }
        return this._areas.show(fromJsonBytes(geojson), fromJsonBytes(paint), !!fitToAreas);
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
        this._labels.dispose();
        this._incidents.dispose();
        this._areas.dispose();
        this._vigilance.dispose();
        this._map.remove();
        this._element.remove();
        for (const name of ["data-outlines-loaded", "data-outlines-error", "data-communes-loaded", "data-communes-error",
            "data-commune-labels", "data-markers", "data-choropleth", "data-tiles", "data-own-territory", "data-indicator-areas", "data-vigilance"]) {
            this._host.removeAttribute(name);
        }
    }
}

/**
 * Creates a map filling `element` (which must have a height). Options: `tileUrl` and
 * `tileAttribution` (optional; no tile layer when empty), `theme` ("light" or "wall": dark, large type),
 * `zoomControl` (default true), `background` (CSS colour of the empty map). Returns the map handle.
 */
export async function createMap(element, options) {
    const L = await loadLeaflet();
    return new EnkiMap(L, element, options || {});
}

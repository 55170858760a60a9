// Enki map module: a thin wrapper around Leaflet, imported from Blazor with
// `import("./js/map.js")` (see Components/Map/OutlineMap.razor).
//
// Leaflet is served from wwwroot/lib/leaflet (copied from npm by the build). It is loaded
// once as a classic script (UMD build, so `window.L` exists for plugins such as
// leaflet.markercluster) and its stylesheet is injected into <head> once: no change to
// App.razor is needed.
//
// Offline by default: without a tile URL no tile layer is created, so the map never
// requests anything from the internet; the outlines are drawn on a plain background.

const LEAFLET_JS = new URL("../lib/leaflet/leaflet.js", import.meta.url).href;
const LEAFLET_CSS = new URL("../lib/leaflet/leaflet.css", import.meta.url).href;

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

let leafletPromise = null;

function loadStylesheet(href) {
    const existing = document.querySelector(`link[data-enki-leaflet-css]`);
    if (existing) {
        return Promise.resolve();
    }
    return new Promise(resolve => {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        link.setAttribute("data-enki-leaflet-css", "");
        // Resolve on error too: a missing stylesheet must not block the map forever.
        link.onload = () => resolve();
        link.onerror = () => resolve();
        document.head.appendChild(link);
    });
}

function loadScript(src) {
    return new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = src;
        script.async = true;
        script.setAttribute("data-enki-leaflet-js", "");
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`Impossible de charger ${src}`));
        document.head.appendChild(script);
    });
}

/** Loads Leaflet (script + stylesheet) once per page and returns the global `L`. */
export function loadLeaflet() {
    if (!leafletPromise) {
        const script = window.L ? Promise.resolve() : loadScript(LEAFLET_JS);
        leafletPromise = Promise.all([script, loadStylesheet(LEAFLET_CSS)])
            .then(() => window.L)
            .catch(error => {
                leafletPromise = null;
                throw error;
            });
    }
    return leafletPromise;
}

function escapeHtml(text) {
    return String(text ?? "").replace(/[&<>"']/g, c => ({
        "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"
    })[c]);
}

function hasSize(element) {
    return element.clientWidth > 0 && element.clientHeight > 0;
}

class EnkiMap {
    constructor(L, element, options) {
        this._L = L;
        // The host element belongs to Blazor (it may re-render its attributes); Leaflet gets
        // its own child element, and the host only receives the data-outlines-* markers.
        this._host = element;
        this._element = document.createElement("div");
        this._element.className = "enki-map-canvas";
        this._element.style.width = "100%";
        this._element.style.height = "100%";
        element.appendChild(this._element);
        this._outlines = null;
        this._tiles = null;
        this._pendingFit = false;
        this._disposed = false;
        this._loadVersion = 0;

        this._element.style.background = options.background || DEFAULT_BACKGROUND;
        this._map = L.map(this._element, {
            zoomSnap: 0.25,
            zoomDelta: 0.5,
            minZoom: 2,
            maxZoom: 18,
            attributionControl: true
        });
        this._map.attributionControl.setPrefix(false);

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
            this.fitFrance();
        }
    }

    /** Frames metropolitan France (deferred until the container has a size). */
    fitFrance() {
        if (this._disposed) {
            return;
        }
        if (!hasSize(this._element)) {
            // Leaflet needs a size to compute a zoom; keep a sane view meanwhile.
            this._map.setView([46.6, 2.4], 5);
            this._pendingFit = true;
            return;
        }
        this._pendingFit = false;
        this._map.fitBounds(FRANCE_BOUNDS, { padding: [8, 8] });
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

    /**
     * Draws department outlines from a GeoJSON FeatureCollection (URL or object) whose
     * features carry `code` and `nom` properties. Returns the number of features drawn
     * and sets `data-outlines-loaded="N"` on the container.
     */
    async showOutlines(source, style) {
        if (this._disposed) {
            return 0;
        }
        const version = ++this._loadVersion;
        this._host.removeAttribute("data-outlines-loaded");
        this._host.removeAttribute("data-outlines-error");

        let geojson = source;
        try {
            if (typeof source === "string") {
                const response = await fetch(new URL(source, document.baseURI), {
                    headers: { Accept: "application/geo+json, application/json" }
                });
                if (!response.ok) {
                    throw new Error(`HTTP ${response.status} pour ${source}`);
                }
                geojson = await response.json();
            }
        } catch (error) {
            if (!this._disposed && version === this._loadVersion) {
                this._host.setAttribute("data-outlines-error", String(error.message || error));
            }
            throw error;
        }
        if (this._disposed || version !== this._loadVersion) {
            return 0; // disposed or superseded by a newer call while fetching
        }

        if (this._outlines) {
            this._outlines.remove();
        }
        const baseStyle = { ...DEFAULT_STYLE, ...(style || {}) };
        const hoverStyle = { ...HOVER_STYLE, fillOpacity: baseStyle.fillOpacity };
        const L = this._L;
        const layer = L.geoJSON(geojson, {
            style: () => baseStyle,
            onEachFeature: (feature, featureLayer) => {
                const props = feature.properties || {};
                const label = props.code ? `${props.nom} (${props.code})` : props.nom;
                if (label) {
                    featureLayer.bindTooltip(escapeHtml(label), { sticky: true, direction: "top" });
                }
                featureLayer.on({
                    mouseover: e => {
                        e.target.setStyle(hoverStyle);
                        e.target.bringToFront();
                    },
                    mouseout: e => layer.resetStyle(e.target)
                });
            }
        }).addTo(this._map);
        this._outlines = layer;

        const count = layer.getLayers().length;
        this._host.setAttribute("data-outlines-loaded", String(count));
        return count;
    }

    dispose() {
        if (this._disposed) {
            return;
        }
        this._disposed = true;
        this._resizeObserver.disconnect();
        this._map.remove();
        this._element.remove();
        this._host.removeAttribute("data-outlines-loaded");
        this._host.removeAttribute("data-outlines-error");
    }
}

/**
 * Creates a map filling `element` (which must have a height) and sets the
 * `data-outlines-loaded="N"` / `data-outlines-error` markers on it. Options: `tileUrl` and `tileAttribution` (optional; no tile
 * layer when empty), `background` (CSS colour of the empty map). Returns the map handle.
 */
export async function createMap(element, options) {
    const L = await loadLeaflet();
    return new EnkiMap(L, element, options || {});
}

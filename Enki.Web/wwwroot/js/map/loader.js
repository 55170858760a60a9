// Loads Leaflet, its marker-cluster plugin and the map's stylesheets once per page.
//
// Leaflet is served from wwwroot/lib (copied from npm by the build) and loaded as a classic
// script (UMD build) so that `window.L` exists for plugins such as leaflet.markercluster.

const LIB = new URL("../../lib/", import.meta.url);
const LEAFLET_JS = new URL("leaflet/leaflet.js", LIB).href;
const LEAFLET_CSS = new URL("leaflet/leaflet.css", LIB).href;
const CLUSTER_JS = new URL("leaflet.markercluster/leaflet.markercluster.js", LIB).href;
const CLUSTER_CSS = new URL("leaflet.markercluster/MarkerCluster.css", LIB).href;
const MAP_CSS = new URL("./map.css", import.meta.url).href;

let leafletPromise = null;
let clusterPromise = null;

function loadStylesheet(href, key) {
    if (document.querySelector(`link[data-enki-css="${key}"]`)) {
        return Promise.resolve();
    }
    return new Promise(resolve => {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        link.setAttribute("data-enki-css", key);
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
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`Impossible de charger ${src}`));
        document.head.appendChild(script);
    });
}

function once(load, reset) {
    return load().catch(error => {
        reset();
        throw error;
    });
}

/** Loads Leaflet (script + stylesheets) once per page and returns the global `L`. */
export function loadLeaflet() {
    if (!leafletPromise) {
        leafletPromise = once(() => Promise.all([
            window.L ? Promise.resolve() : loadScript(LEAFLET_JS),
            loadStylesheet(LEAFLET_CSS, "leaflet"),
            loadStylesheet(MAP_CSS, "enki-map")
        ]).then(() => window.L), () => { leafletPromise = null; });
    }
    return leafletPromise;
}

/** Loads leaflet.markercluster once (after Leaflet) and returns the global `L`. */
export function loadMarkerCluster() {
    if (!clusterPromise) {
        clusterPromise = once(() => loadLeaflet().then(L => Promise.all([
            L.MarkerClusterGroup ? Promise.resolve() : loadScript(CLUSTER_JS),
            loadStylesheet(CLUSTER_CSS, "markercluster")
        ])).then(() => window.L), () => { clusterPromise = null; });
    }
    return clusterPromise;
}

// Incident markers: circle markers coloured by nature family, clustered at wide scales,
// updated by difference so that a live change touches only the markers that changed.
//
// A marker is `{ id, lat, lon, family, nature, commune, status, active, opened }` where
// `status` and `opened` are already French text (formatted by the server in the territory's time).

import { loadMarkerCluster } from "./loader.js";
import { familyColour, familyLabel, useFamilies } from "./palette.js";
import { escapeHtml, formatCount } from "./text.js";
import { Legend } from "./legend.js";

export const INCIDENT_PANE = "enki-incidents";

function markerKey(m) {
    return [m.lat, m.lon, m.family, m.nature, m.commune, m.status, m.active, m.opened].join("|");
}

// Incidents still needing attention are vivid; those closed within the last 24 h pale and smaller.
const ACTIVE_OPACITY = 0.95;
const FADED_OPACITY = 0.45;

function markerStyle(m, scale) {
    return {
        pane: INCIDENT_PANE,
        radius: (m.active ? 8 : 6) * scale,
        color: "#ffffff",
        weight: 1.5,
        fillColor: familyColour(m.family),
        fillOpacity: m.active ? ACTIVE_OPACITY : FADED_OPACITY
    };
}

// The legend explains the two looks with a neutral swatch: the colour tells the nature, not this.
const NEUTRAL = "#5c6b7a";

// Nature labels read « family › group › nature »: the popup names the family on its own line.
function natureWithoutFamily(nature, family) {
    const prefix = `${family} › `;
    return nature && nature.startsWith(prefix) ? nature.slice(prefix.length) : nature;
}

function popupHtml(m) {
    const family = familyLabel(m.family);
    return `<div class="enki-popup" lang="fr">
<div class="enki-popup-family"><span class="enki-legend-swatch" style="--swatch:${familyColour(m.family)}"></span>${escapeHtml(family)}</div>
<strong>${escapeHtml(natureWithoutFamily(m.nature, family))}</strong>
<div>${escapeHtml(m.commune)}</div>
<div>Statut : ${escapeHtml(m.status)}</div>
<div>Ouvert le ${escapeHtml(m.opened)}</div>
<a href="incidents/${encodeURIComponent(m.id)}">Ouvrir la fiche de l'incident</a>
</div>`;
}

function clusterIcon(L, cluster, scale) {
    const children = cluster.getAllChildMarkers();
    const byFamily = new Map();
    for (const child of children) {
        const family = child.enkiFamily;
        byFamily.set(family, (byFamily.get(family) || 0) + 1);
    }
    const dominant = [...byFamily.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const count = children.length;
    const size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 48;
    return L.divIcon({
        html: `<span style="--ring:${familyColour(dominant)}">${formatCount(count)}</span>`,
        className: "enki-cluster",
        iconSize: L.point(size * scale, size * scale)
    });
}

export class IncidentLayer {
    /** `scale`: marker and cluster size relative to the console's (larger on the wall display). */
    constructor(L, map, host, scale) {
        this._L = L;
        this._scale = scale || 1;
        this._map = map;
        this._host = host;
        this._byId = new Map();
        this._group = null;
        this._clustered = null;
        this._legend = new Legend(L, map, "topright", "Natures d'incident");
        this._own = null;
        this._legendEnabled = false;
        if (!map.getPane(INCIDENT_PANE)) {
            // Above the outlines (400), under tooltips and popups: hovering an outline never hides a marker.
            map.createPane(INCIDENT_PANE).style.zIndex = 450;
        }
    }

    /**
     * Draws a layer `{ partial, markers, removed }`: the whole set (markers no longer in it go), or
     * only changes (markers added or changed, ids removed), reusing the markers already drawn.
     * Options: `cluster`, `legend`, `families` (code → { label, colour }).
     */
    async show(layer, options) {
        const opts = options || {};
        const clustered = !!opts.cluster;
        const L = clustered ? await loadMarkerCluster() : this._L;
        if (this._disposed) {
            // The map went away while the cluster plugin loaded: adding to it would throw in Leaflet.
            return 0;
        }
        if (this._group === null || clustered !== this._clustered) {
            this._rebuild(L, clustered);
        }
        if (opts.families) useFamilies(opts.families);
        this._diff(layer.markers || [], layer.partial ? new Set(layer.removed || []) : null);
        this._showLegend(opts.legend !== false);
        this._host.setAttribute("data-markers", String(this._byId.size));
        return this._byId.size;
    }

    _rebuild(L, clustered) {
        if (this._group) {
            this._group.remove();
        }
        this._byId.clear();
        this._clustered = clustered;
        this._group = clustered
            ? L.markerClusterGroup({
                chunkedLoading: true,
                showCoverageOnHover: false,
                maxClusterRadius: 45,
                disableClusteringAtZoom: 12,
                iconCreateFunction: cluster => clusterIcon(L, cluster, this._scale)
            })
            : L.featureGroup();
        this._group.addTo(this._map);
    }

    /** Upserts `markers`; removes the ids in `removed`, or when null every marker not in `markers`. */
    _diff(markers, removedIds) {
        const seen = new Set();
        const added = [];
        for (const m of markers) {
            seen.add(m.id);
            const key = markerKey(m);
            const existing = this._byId.get(m.id);
            if (existing && existing.key === key) {
                continue;
            }
            if (existing) {
                this._group.removeLayer(existing.layer);
            }
            const layer = this._L.circleMarker([m.lat, m.lon], markerStyle(m, this._scale));
            layer.enkiFamily = m.family;
            layer.bindPopup(popupHtml(m), { maxWidth: 280, autoPanPadding: [16, 16] });
            if (!this._L.Browser.mobile) {
                // Hover hint on desktops only; it gives way to the popup once clicked.
                layer.bindTooltip(escapeHtml(m.nature), { direction: "top", offset: [0, -8] });
                // Leaflet also opens the tooltip on click, right after the popup: close it whenever a popup is open.
                layer.on("popupopen", () => layer.closeTooltip());
                layer.on("tooltipopen", () => {
                    if (layer.isPopupOpen()) {
                        layer.closeTooltip();
                    }
                });
            }
            this._byId.set(m.id, { key, layer, family: m.family, active: !!m.active });
            added.push(layer);
        }
        const removed = [];
        for (const [id, entry] of this._byId) {
            if (removedIds ? removedIds.has(id) : !seen.has(id)) {
                removed.push(entry.layer);
                this._byId.delete(id);
            }
        }
        if (this._clustered) {
            this._group.removeLayers(removed);
            this._group.addLayers(added);
        } else {
            removed.forEach(layer => this._group.removeLayer(layer));
            added.forEach(layer => this._group.addLayer(layer));
        }
    }

    /** The map is being removed: pending draws stop. */
    dispose() {
        this._disposed = true;
    }

    /** Names the viewer's own territory in the legend (`label` null: none), outlined in `colour`. */
    setOwnTerritory(label, colour) {
        this._own = label ? { label, colour } : null;
        if (this._legendEnabled) {
            this._showLegend(true);
        }
    }

    _showLegend(enabled) {
        this._legendEnabled = enabled;
        if (!enabled) {
            this._legend.hide();
            return;
        }
        const counts = new Map();
        let active = 0;
        for (const entry of this._byId.values()) {
            counts.set(entry.family, (counts.get(entry.family) || 0) + 1);
            if (entry.active) {
                active++;
            }
        }
        const rows = [...counts.keys()].sort().map(family => ({
            colour: familyColour(family),
            label: `${familyLabel(family)} (${formatCount(counts.get(family))})`
        }));
        const faded = this._byId.size - active;
        if (active > 0) {
            rows.push({ colour: NEUTRAL, opacity: ACTIVE_OPACITY, label: `Vif : en cours (${formatCount(active)})`, separated: true });
        }
        if (faded > 0) {
            rows.push({ colour: NEUTRAL, opacity: FADED_OPACITY, small: true, label: `Pâle : terminé ou annulé, 24 h (${formatCount(faded)})`, separated: active === 0 });
        }
        if (this._own) {
            rows.push({ colour: this._own.colour, outline: true, label: `Votre territoire : ${this._own.label}`, separated: true });
        }
        this._legend.show(rows);
    }
}

// Fetches GeoJSON from the app (same origin only: the map never calls the internet).

/** Returns the GeoJSON object itself, or fetches it when given a URL relative to the base URI. */
export async function readGeoJson(source) {
    if (typeof source !== "string") {
        return source;
    }
    const response = await fetch(new URL(source, document.baseURI), {
        headers: { Accept: "application/geo+json, application/json" }
    });
    if (!response.ok) {
        throw new Error(`HTTP ${response.status} pour ${source}`);
    }
    return response.json();
}

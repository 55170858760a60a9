// Colours of the incident map.

// Set from the server (the console's one palette, see NatureFamilies.cs): code → { label, colour }.
let families = {};

export function useFamilies(styles) {
    families = styles || {};
}

export function familyColour(family) {
    return families[family]?.colour || "#7A7A7A";
}

export function familyLabel(family) {
    return families[family]?.label || family;
}

// Incidents in progress per department: sequential yellow-orange-red (ColorBrewer YlOrRd).
export const CHOROPLETH_CLASSES = Object.freeze([
    { from: 1, label: "1 à 2", colour: "#ffffb2" },
    { from: 3, label: "3 à 5", colour: "#fed976" },
    { from: 6, label: "6 à 10", colour: "#feb24c" },
    { from: 11, label: "11 à 25", colour: "#fd8d3c" },
    { from: 26, label: "26 à 50", colour: "#f03b20" },
    { from: 51, label: "51 et plus", colour: "#bd0026" }
]);

/** Fill colour of a department with `count` incidents in progress, or null for none. */
export function choroplethColour(count) {
    let colour = null;
    for (const range of CHOROPLETH_CLASSES) {
        if (count >= range.from) {
            colour = range.colour;
        }
    }
    return colour;
}

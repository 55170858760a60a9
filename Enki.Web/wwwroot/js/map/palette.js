// Colours of the incident map. Nature families (C01..C11) use the Okabe-Ito palette completed
// with Paul Tol's muted colours: told apart with the common colour-vision deficiencies.

export const FAMILY_COLOURS = Object.freeze({
    C01: "#E69F00", // accident de la circulation: orange
    C02: "#56B4E9", // atteinte aux personnes: sky blue
    C03: "#009E73", // atteinte aux biens / animal: bluish green
    C04: "#D55E00", // incendie: vermillion
    C05: "#882255", // explosion: wine
    C06: "#332288", // suspicion d'infractions: indigo
    C07: "#999933", // ordre public: olive
    C08: "#0072B2", // aléas naturels: blue
    C09: "#CC79A7", // aléas technologiques: reddish purple
    C10: "#44AA99", // disparitions et découvertes: teal
    C11: "#7A7A7A"  // autre nature: grey
});

export function familyColour(family) {
    return FAMILY_COLOURS[family] || FAMILY_COLOURS.C11;
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

namespace Enki.Web.Components.Incidents.Detail;

/// <summary>The caller's relation to the incident (RC-EDA <c>caller.type</c>) in French; the code stays in a tooltip.</summary>
public static class CallerTypeWords
{
    private static readonly Dictionary<string, string> French = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SUJET"] = "la personne concernée elle-même",
        ["FAMILLE"] = "un membre de la famille",
        ["TIERS"] = "un tiers (témoin)",
        ["POMPIER"] = "un sapeur-pompier",
        ["AMBULANC"] = "un ambulancier",
        ["AMBULANC.AASC"] = "un ambulancier d'association de sécurité civile",
        ["AMBULANC.AUTRESEC"] = "un ambulancier d'un autre service",
        ["SECOUR"] = "un secouriste",
        ["MED"] = "un médecin",
        ["MED.MEDSOS"] = "un médecin de garde (SOS Médecins)",
        ["MED.MRL"] = "un médecin de ville",
        ["MED.EFFML"] = "un médecin effecteur",
        ["SANTE"] = "un professionnel de santé",
        ["SANTE.INF"] = "un infirmier",
        ["SANTE.AIDESOIN"] = "un aide-soignant",
        ["SANTE.SF"] = "une sage-femme",
        ["SANTE.AIDEDOM"] = "une aide à domicile",
        ["SANTE.PHARMA"] = "un pharmacien",
        ["SANTE.DENTISTE"] = "un dentiste",
        ["SANTE.LABO"] = "un laboratoire",
        ["FDO-MILI"] = "les forces de l'ordre ou militaires",
        ["FDO-MILI.POL"] = "la police",
        ["FDO-MILI.GENDARM"] = "la gendarmerie",
        ["FDO-MILI.MILI"] = "un militaire",
        ["ADM-TUTL"] = "une administration ou autorité de tutelle",
        ["VIP"] = "une personnalité",
        ["OBJCONNC"] = "un objet connecté",
        ["AUTRE"] = "autre",
        ["INCONNU"] = "inconnue",
    };

    /// <summary>« un tiers (témoin) », or the code as received when NexSIS sends one Enki does not know.</summary>
    public static string Of(string code) => French.TryGetValue(code, out var words) ? words : code;
}

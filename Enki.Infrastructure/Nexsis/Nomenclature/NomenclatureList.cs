namespace Enki.Infrastructure.Nexsis.Nomenclature;

/// <summary>The code lists embedded in <c>nomenclatures.tsv</c>; each member names one list of the resource.</summary>
public enum NomenclatureList
{
    /// <summary>CISU nature de fait <c>Cxx.yy.zz</c>.</summary>
    NatureOfFact,
    /// <summary>CISU type de lieu <c>Lxx.yy.zz</c>.</summary>
    LocationKind,
    /// <summary>CISU motif patient-victime <c>Mxx.yy</c>.</summary>
    HealthMotive,
    /// <summary>CISU risque / menace / sensibilité <c>Rxx</c>.</summary>
    RiskThreat,
    /// <summary>EMSI EVENT.STATUS (NST, IPR, STOP, COM).</summary>
    EmsiEventStatus,
    /// <summary>EMSI EVENT.SCALE (1 to 5).</summary>
    EmsiScale,
    /// <summary>EMSI CONTEXT.MODE (ACTUAL, EXCERCS, SYSTEM, TEST).</summary>
    EmsiMode,
    /// <summary>EMSI MISSION.TYPE.</summary>
    EmsiMissionType,
    /// <summary>EMSI RESOURCE.RTYPE.RCLASS.</summary>
    EmsiResourceClass,
    /// <summary>EMSI RESOURCE.STATUS (labels written by hand from the schema description).</summary>
    EmsiResourceStatus,
    /// <summary>RC-RI resource state status (DECLENCHE, DEPART... labels written by hand from the schema enum).</summary>
    ResourceStatus,
}

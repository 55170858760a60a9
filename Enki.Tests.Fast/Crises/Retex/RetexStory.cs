using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Domain.Warnings;
using Enki.Tests.History;
using Enki.Tests.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Crises.CrisisViewers;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Crises.Retex;

/// <summary>
/// A crisis over Chelles with a late message, through the real intake (<see cref="LateTriage"/>, Paris times):
/// the case created at 09:00 reaches Enki at 09:05; its triage of 09:10 (2 UA) only at 09:30. The SDIS opened the
/// crisis (from 08:00) and attached the case at 09:30; at 09:35 it decides to evacuate (a caller's phone typed in
/// the note); at 09:36 it asks Chelles for a gymnasium, refused by the mayor at 09:40; the clock then reads 10:05.
/// </summary>
internal static class RetexStory
{
    public const string ChellesCase = "fr.fire.sis077.cga-077.RETEX-CHELLES";
    public const string GuichenCase = "fr.fire.sis035.cga-035.RETEX-GUICHEN";

    public static async Task<Crisis> SeedAsync(CrisisStore store)
    {
        await LateTriage.SeedAsync(store.Intake, ChellesCase, GuichenCase);
        var crisis = await store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");
        var incident = await store.Intake.QueryAsync(db => db.Incidents.SingleAsync(i => i.CaseId == ChellesCase));
        await store.Commands.AttachIncidentAsync(Sdis77, crisis.Id, incident.Id);

        // The triage's warning, raised at 09:31 for the mairie (the triage happened at 09:10), acknowledged by the mayor at 09:33.
        var rule = WarningSamples.VictimsRule(WarningSamples.MairieChelles, WarningSamples.Chelles, true, new VictimThreshold(VictimCategory.Red, 1));
        var warning = Warning.Raise(new WarningDraft(rule, "Victimes à Chelles : 2 UA", "Bilan de 09:10", WarningSubjectKind.Incident, incident.Id,
            new WarningPlace("77108", "77", "PARIS"), Paris(9, 10)), 1, "Mairie de Chelles", [new WarningAccount("maire-chelles", "Maire de Chelles")],
            WarningSamples.InAppOnly, Paris(9, 31));
        warning.Acknowledge("maire-chelles", "Maire de Chelles", WarningSamples.MairieChelles.Code, Paris(9, 33));
        await using (var db = await store.DbFactory.CreateDbContextAsync())
        {
            db.Warnings.Add(warning);
            await db.SaveChangesAsync();
        }

        store.Advance(TimeSpan.FromMinutes(5));
        await store.Writer.AppendAsync(crisis.Id, Sdis77, LogbookEntryKind.Decision,
            "Évacuation du quartier des Coudreaux (appelant à rappeler au 06 12 34 56 78)");

        store.Advance(TimeSpan.FromMinutes(1));
        var directory = store.Services.GetRequiredService<ITerritoryDirectory>();
        var request = MobilisationRequest.Issue(new MobilisationDraft
        {
            Object = "Ouvrir le gymnase", ResourceKind = "Gymnase", PlaceText = "Quartier des Coudreaux", RecipientCommune = "77108",
            Deadline = store.Now.AddHours(1), CrisisId = crisis.Id,
        }, Sdis77, "SDIS 77", directory, store.Now);
        store.Advance(TimeSpan.FromMinutes(4));
        request.Apply(MobilisationAction.Receive, MayorOfChelles, store.Now);
        request.Apply(MobilisationAction.Refuse, MayorOfChelles, store.Now, "Gymnase déjà occupé");
        await using (var db = await store.DbFactory.CreateDbContextAsync())
        {
            db.MobilisationRequests.Add(request);
            await db.SaveChangesAsync();
        }
        store.Advance(TimeSpan.FromMinutes(25));
        return crisis;
    }

    /// <summary>A Paris time of 28 November 2026 (UTC+1).</summary>
    public static DateTimeOffset Paris(int hour, int minute) => new(2026, 11, 28, hour, minute, 0, TimeSpan.FromHours(1));
}

using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Crises.Report;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Crises;

/// <summary>
/// A crisis under way in each demo territory (the storm over Seine-et-Marne, the flood at Guichen), next
/// to the simulator's scenarios: participants by ORSEC default, a main courante and mobilisation requests
/// at every step, so each demo account opens on a living console. Embedded default only, once.
/// </summary>
public static class DemoCrises
{
    private sealed record Step(MobilisationAction Action, string? Reason = null);

    private sealed record Ask(string Object, string Resource, int? Quantity, string? Unit, string Place, TimeSpan IssuedAgo, TimeSpan Deadline, params Step[] Steps);

    private sealed record Note(TimeSpan Ago, string UserName, LogbookEntryKind Kind, string Text, params string[] Tags);

    private sealed record Scenario(string Title, CrisisType Type, string Description, string Pilot, string[] Territories, TimeSpan StartedAgo,
        string Issuer, string Recipient, string Mayor, Ask[] Asks, Note[] Notes);

    private static readonly TimeSpan Min = TimeSpan.FromMinutes(1);

    private static IReadOnlyList<Scenario> Scenarios { get; } =
    [
        new("Tempête sur la Seine-et-Marne", CrisisType.Storm,
            "Vents de 110 km/h en rafales, chutes d'arbres et coupures d'électricité sur l'ouest du département.",
            "prefecture77", ["departement:77"], TimeSpan.FromMinutes(90), "sdis77", "77108", "maire-chelles",
            [
                new("Hébergement des sinistrés", "hébergement d'urgence", 40, "personnes", "Gymnase Jean-Moulin", 75 * Min, TimeSpan.FromHours(2),
                    new(MobilisationAction.Receive), new(MobilisationAction.Accept), new(MobilisationAction.Start)),
                new("Fermeture de la rue de Gournay", "fermeture de voie", null, null, "Rue de Gournay", 60 * Min, TimeSpan.FromHours(1),
                    new(MobilisationAction.Receive), new(MobilisationAction.Accept), new(MobilisationAction.Start), new(MobilisationAction.Complete)),
                new("Salle pour le PC de crise", "salle", 1, null, "Salle des fêtes", 50 * Min, TimeSpan.FromHours(1),
                    new(MobilisationAction.Receive), new(MobilisationAction.Refuse, "Salle des fêtes sans électricité")),
                new("Bâches pour toitures", "bâches", 30, null, "Services techniques", 40 * Min, TimeSpan.FromMinutes(30), new Step(MobilisationAction.Receive)),
                new("Tronçonneuses et agents", "équipe des services techniques", 2, "équipes", "Parc de la Mairie", 15 * Min, TimeSpan.FromHours(3)),
            ],
            [
                new(85 * Min, "prefecture77", LogbookEntryKind.Decision, "Activation du centre opérationnel départemental (COD) en préfecture."),
                new(70 * Min, "sdis77", LogbookEntryKind.Action, "Renfort de 4 équipes d'élagage sur l'ouest du département.", "moyens"),
                new(55 * Min, "maire-chelles", LogbookEntryKind.Information, "Arbre tombé sur la voie ferrée à Chelles, circulation RER interrompue."),
                new(45 * Min, "prefecture77", LogbookEntryKind.Request, "Besoin de groupes électrogènes pour deux EHPAD privés d'électricité."),
                new(30 * Min, "prefecture77", LogbookEntryKind.SituationReport,
                    "Rafales jusqu'à 110 km/h. Une centaine d'interventions en cours, surtout des chutes d'arbres et des toitures. "
                    + "12 000 foyers privés d'électricité selon Enedis. Pas de victime grave à cette heure."),
                new(30 * Min, "prefecture77", LogbookEntryKind.SituationReport,
                    "Fin du pic de vent attendue vers 22 h ; point presse à 18 h ; rétablissement de l'électricité prioritaire pour les EHPAD.",
                    SituationReportQueries.OutlookTag),
            ]),
        new("Crue de la Vilaine à Guichen", CrisisType.Flood,
            "Débordement de la Vilaine et de ses affluents : quartiers bas inondés, routes coupées.",
            "sdis35", ["commune:35126"], TimeSpan.FromMinutes(80), "sdis35", "35126", "maire-guichen",
            [
                new("Évacuation du lotissement des Prés", "évacuation", 60, "personnes", "Lotissement des Prés", 70 * Min, TimeSpan.FromHours(1),
                    new(MobilisationAction.Receive), new(MobilisationAction.Accept), new(MobilisationAction.Start)),
                new("Centre d'hébergement", "hébergement d'urgence", 80, "personnes", "Salle polyvalente", 45 * Min, TimeSpan.FromHours(2),
                    new(MobilisationAction.Receive), new(MobilisationAction.Accept)),
                new("Barrières et signalisation", "barrières", 20, null, "Route de Laillé", 20 * Min, TimeSpan.FromHours(1)),
                new("Sacs de sable", "sacs de sable", 500, null, "Quai de la Vilaine", 10 * Min, TimeSpan.FromMinutes(45)),
            ],
            [
                new(75 * Min, "sdis35", LogbookEntryKind.Action, "Engagement de 2 embarcations et d'une équipe de sauvetage aquatique.", "moyens"),
                new(60 * Min, "maire-guichen", LogbookEntryKind.Information, "Plan communal de sauvegarde déclenché, cellule de crise en mairie."),
                new(50 * Min, "maire-guichen", LogbookEntryKind.Decision, "Fermeture des écoles du quartier des Prés demain."),
                new(35 * Min, "sdis35", LogbookEntryKind.Request, "Besoin d'une pompe de grande capacité pour le quartier de la gare."),
                new(25 * Min, "prefecture35", LogbookEntryKind.SituationReport,
                    "La Vilaine est 1,20 m au-dessus de son niveau normal à Guichen. Une vingtaine d'habitations inondées, "
                    + "60 personnes évacuées. Pas de victime."),
            ]),
    ];

    /// <summary>Adds each demo crisis once, when the demo accounts exist (embedded default, <c>Enki:Demo:Crises</c>).</summary>
    public static async Task SeedDemoCrisesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<EnkiOptions>();
        if (!DemoAccounts.ShouldSeed(options) || !options.Demo.Crises) return;
        var directory = services.GetRequiredService<ITerritoryDirectory>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = await services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync(cancellationToken);
        var names = DemoAccounts.All.Select(a => a.UserName).ToList();
        var viewers = (await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).ToListAsync(cancellationToken))
            .ToDictionary(u => u.UserName!, u => (Viewer: new Viewer(u.Id, u.DisplayName, u.Profile, u.Jurisdiction), u.Organisation));
        foreach (var scenario in Scenarios)
        {
            if (await db.Crises.AnyAsync(c => c.Title == scenario.Title, cancellationToken)) continue;
            if (!viewers.ContainsKey(scenario.Pilot) || !viewers.ContainsKey(scenario.Issuer) || !viewers.ContainsKey(scenario.Mayor)) continue;
            var started = now - scenario.StartedAgo;
            // The mayors with demo accounts are the mairies Enki reaches.
            var reachable = DemoAccounts.All.Where(a => a.Profile == Profile.Mayor).Select(a => a.Jurisdiction.Code!).ToList();
            var crisis = Crisis.Open(viewers[scenario.Pilot].Viewer, scenario.Title, scenario.Type, scenario.Description,
                [.. scenario.Territories.Select(Jurisdiction.Parse)], started, false, directory, started,
                [.. reachable.Where(c => scenario.Territories.Any(t => Jurisdiction.Parse(t).Covers(Territory.Of(Jurisdiction.Commune(c), directory))))]);
            db.Crises.Add(crisis);
            var (issuer, issuerOrganisation) = viewers[scenario.Issuer];
            var mayor = viewers[scenario.Mayor].Viewer;
            LogbookEntry Entry(DateTimeOffset at, Viewer author, string? organisation, LogbookEntryKind kind, string text, params string[] tags) =>
                LogbookEntry.Write(crisis.Id, author.Id, author.Name, organisation, kind, text, tags, null, at);
            db.LogbookEntries.Add(Entry(started, viewers[scenario.Pilot].Viewer, viewers[scenario.Pilot].Organisation, LogbookEntryKind.Information,
                $"Crise ouverte : {crisis.Title} ({crisis.Type.French()})", LogbookEntryKinds.AutomaticTag));
            foreach (var note in scenario.Notes.Where(n => viewers.ContainsKey(n.UserName)))
            {
                var (author, organisation) = viewers[note.UserName];
                db.LogbookEntries.Add(Entry(now - note.Ago, author, organisation, note.Kind, note.Text, note.Tags));
            }
            foreach (var ask in scenario.Asks)
            {
                var issued = now - ask.IssuedAgo;
                var request = MobilisationRequest.Issue(new MobilisationDraft
                {
                    Object = ask.Object, ResourceKind = ask.Resource, Quantity = ask.Quantity, Unit = ask.Unit, PlaceText = ask.Place,
                    PlaceCommune = scenario.Recipient, RecipientCommune = scenario.Recipient, Deadline = issued + ask.Deadline, CrisisId = crisis.Id,
                    Priority = MobilisationPriority.Urgent,
                }, issuer, issuerOrganisation, directory, issued);
                db.LogbookEntries.Add(Entry(issued, issuer, issuerOrganisation, LogbookEntryKind.Request,
                    $"Demande de mobilisation émise vers {request.RecipientName} : {request.Object} ({MobilisationRequestWords.Resource(request)}), "
                    + $"échéance le {MobilisationRequestWords.Deadline(request)}.", "mobilisation"));
                var at = issued;
                foreach (var step in ask.Steps)
                {
                    at += TimeSpan.FromMinutes(4);
                    var moved = request.Apply(step.Action, step.Action == MobilisationAction.Cancel ? issuer : mayor, at, step.Reason);
                    var kind = step.Action is MobilisationAction.Accept or MobilisationAction.Refuse ? LogbookEntryKind.Decision : LogbookEntryKind.Action;
                    db.LogbookEntries.Add(Entry(at, mayor, viewers[scenario.Mayor].Organisation, kind,
                        $"Demande de mobilisation « {request.Object} » ({request.RecipientName}) : {moved.To.French().ToLowerInvariant()} par {mayor.Name}."
                        + (step.Reason is null ? "" : $" Motif : {step.Reason}"), "mobilisation"));
                }
                db.MobilisationRequests.Add(request);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

using Enki.Application.Warnings;
using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Warnings.WarningsHarness;

namespace Enki.Tests.Warnings;

/// <summary>
/// The escalation list in order, its last step the préfecture's duty role: the deputy first, then only the officer on
/// duty at that moment (not the whole préfecture); set by those allowed, audited.
/// </summary>
public sealed class EscalationDutyTests : IAsyncLifetime
{
    private const string ChellesKey = "commune:77108#Maire";
    private const string PrefectureKey = "departement:77#Prefecture";
    private static readonly Viewer OfficerOnDuty = new("pref77-nuit", "Officier de nuit 77", Profile.Prefecture, Jurisdiction.Department("77"));

    private readonly WarningsHarness _harness = new((services, _) => services.AddEnkiAuditRecorder().AddSingleton<EscalationAdministration>());

    private EscalationAdministration Administration => _harness.Get<EscalationAdministration>();

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        await using var db = await _harness.DbFactory.CreateDbContextAsync();
        var user = new EnkiUser { Id = OfficerOnDuty.Id, UserName = OfficerOnDuty.Id, Email = "pref77-nuit@test.invalid", DisplayName = OfficerOnDuty.Name };
        user.Grant(Profile.Prefecture, OfficerOnDuty.Jurisdiction, WarningSamples.Territories);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_deputy_is_warned_first_then_only_the_prefecture_s_officer_on_duty()
    {
        var now = _harness.Clock.GetUtcNow();
        Assert.True((await Administration.SetListAsync(MaireChelles, ChellesKey,
        [
            new(WarningOwnerKind.Person, MaireGuichen.Id, "Suppléant : maire de Guichen"),
            new(WarningOwnerKind.Organisation, PrefectureKey, "Préfecture 77 — officier de permanence", OnDuty: true),
        ])).Done);
        Assert.True((await Administration.SetDutyAsync(Prefecture77, PrefectureKey, OfficerOnDuty.Id, now.AddHours(-1), now.AddHours(11))).Done);

        await _harness.RecordUrgenceAbsolueInChellesAsync();
        await _harness.DeliverAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await _harness.EscalationJob.RunAsync(CancellationToken.None));
        _harness.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await _harness.EscalationJob.RunAsync(CancellationToken.None));

        var warning = (await _harness.WarningsAsync()).Single();
        // The test directory names a service by its profile and territory.
        Assert.Equal(["Maire — Commune 77108", "Suppléant : maire de Guichen", "Préfecture 77 — officier de permanence"],
            warning.Recipients.OrderBy(r => r.Level).Select(r => r.Name));
        Assert.Equal(["guichen-id"], warning.Deliveries.Where(d => d.Level == 1).Select(d => d.UserId).Distinct());
        // The officer on duty, and not the préfecture's other account.
        Assert.Equal(["pref77-nuit"], warning.Deliveries.Where(d => d.Level == 2).Select(d => d.UserId).Distinct());
    }

    [Fact]
    public async Task Nobody_on_duty_any_more_the_duty_step_reaches_the_whole_prefecture()
    {
        var now = _harness.Clock.GetUtcNow();
        await Administration.SetListAsync(MaireChelles, ChellesKey, [new(WarningOwnerKind.Organisation, PrefectureKey, "Permanence 77", OnDuty: true)]);
        await Administration.SetDutyAsync(Prefecture77, PrefectureKey, OfficerOnDuty.Id, now.AddHours(-1), now.AddMinutes(5));

        await _harness.RecordUrgenceAbsolueInChellesAsync();
        await _harness.DeliverAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(10));
        await _harness.EscalationJob.RunAsync(CancellationToken.None);

        var warning = (await _harness.WarningsAsync()).Single();
        Assert.Equal(["pref77-id", "pref77-nuit"], warning.Deliveries.Where(d => d.Level == 1).Select(d => d.UserId).Distinct().Order());
    }

    [Fact]
    public async Task Another_communes_mayor_can_neither_read_nor_change_Chelles_list_and_a_duty_goes_to_members_only()
    {
        Assert.Null(await Administration.ReadAsync(MaireGuichen, ChellesKey));
        var refused = await Administration.SetListAsync(MaireGuichen, ChellesKey, [new(WarningOwnerKind.Person, MaireGuichen.Id, "Moi")]);
        Assert.Equal(EscalationAdministration.NotAllowed, refused.Refusal);
        // The préfecture of Seine-et-Marne manages the communes of its department; Guichen's mayor is no member of it.
        Assert.NotNull(await Administration.ReadAsync(Prefecture77, ChellesKey));
        var now = _harness.Clock.GetUtcNow();
        Assert.Equal("Seul un membre de l'organisation peut être de permanence pour elle.",
            (await Administration.SetDutyAsync(Prefecture77, PrefectureKey, MaireGuichen.Id, now, now.AddHours(8))).Refusal);
        Assert.Equal("Une permanence dure un mois au plus.",
            (await Administration.SetDutyAsync(Prefecture77, PrefectureKey, OfficerOnDuty.Id, now, now.AddDays(40))).Refusal);
    }

    [Fact]
    public async Task Each_change_is_audited_with_its_author()
    {
        var now = _harness.Clock.GetUtcNow();
        await Administration.SetListAsync(MaireChelles, ChellesKey, [new(WarningOwnerKind.Organisation, PrefectureKey, "Permanence 77", OnDuty: true)]);
        await Administration.SetDutyAsync(Prefecture77, PrefectureKey, OfficerOnDuty.Id, now, now.AddHours(12));

        await using var db = await _harness.DbFactory.CreateDbContextAsync();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("escalade.")).OrderBy(a => a.Action).ToListAsync();
        Assert.Equal(
        [
            (EscalationAuditActions.ListChanged, "Maire de Chelles", "Maire — Commune 77108", "Permanence 77"),
            (EscalationAuditActions.DutySet, "Préfecture 77", "Préfecture — Département 77", "Officier de nuit 77, du 2026-11-29 08:00 au 2026-11-29 20:00 UTC"),
        ], rows.Select(r => (r.Action, r.ActorName, r.Target, r.Detail)).ToList());
    }
}

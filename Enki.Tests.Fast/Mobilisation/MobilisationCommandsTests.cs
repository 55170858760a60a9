using Enki.Domain.Geography;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using static Enki.Tests.Mobilisation.MobilisationSamples;
using Enki.Tests.Support;

namespace Enki.Tests.Mobilisation;

public class MobilisationCommandsTests : IAsyncLifetime
{
    private readonly MobilisationHarness _harness;

    public MobilisationCommandsTests() : this(TestEngine.Sqlite) { }

    // The same tests on PostgreSQL: Persistence/Postgres.
    protected MobilisationCommandsTests(TestEngine engine) => _harness = new(engine: engine);

    public async Task InitializeAsync() => await _harness.InitializeAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [SkippableFact]
    public async Task Issue_stores_audits_notifies_the_commune_and_logs_to_the_crisis()
    {
        var crisis = await _harness.OpenCrisisAsync();
        var request = await _harness.IssueAsync(Draft(crisis: crisis));

        var stored = await _harness.Queries.DetailAsync(Sdis77, request.Id);
        Assert.NotNull(stored);
        Assert.Equal(("CODIS 77", MobilisationStatus.Issued), (stored.IssuerName, stored.Status));
        Assert.Equal("CODIS 77", stored.IssuerOrganisation);
        Assert.Contains(MobilisationAuditActions.Issued, await _harness.AuditActionsAsync());
        var entry = Assert.Single(await _harness.LogbookEntriesAsync());
        Assert.Equal(crisis, entry.CrisisId);
        // Mail and screens follow the commit, from the request's event.
        Assert.Empty(_harness.Mail.Sent);
        await _harness.DeliverAsync();
        Assert.Equal(["chelles-id@test.invalid"], _harness.Mail.Sent.Select(m => m.Recipient));
        Assert.Contains("Hébergement des sinistrés", _harness.Mail.Sent[0].Subject);
        // The main courante is read in the commune's time, not UTC.
        Assert.Contains($"échéance le {TerritoryClock.Local(request.Deadline, "77"):dd/MM/yyyy HH:mm}", entry.Text);
        Assert.DoesNotContain("UTC", entry.Text);
        Assert.Equal(MobilisationChangeKind.Issued, Assert.Single(_harness.Changes).Kind);
        await _harness.RedeliverEverythingAsync();
        Assert.Single(_harness.Mail.Sent);
    }

    [SkippableFact]
    public async Task A_request_outside_any_crisis_writes_no_logbook_entry()
    {
        var request = await _harness.IssueAsync();
        await _harness.Commands.AcceptAsync(MaireChelles, request.Id, request.Version);
        Assert.Empty(await _harness.LogbookEntriesAsync());
        Assert.Equal(3, (await _harness.AuditActionsAsync()).Count);
    }

    [SkippableFact]
    public async Task A_mayor_cannot_issue_and_an_invalid_draft_says_why()
    {
        var mayor = await _harness.Commands.IssueAsync(MaireChelles, Draft());
        Assert.Equal("Votre profil ne permet pas d'émettre une demande de mobilisation.", mayor.Error);
        var outside = await _harness.Commands.IssueAsync(Sdis77, Draft("35126"));
        Assert.Equal("La commune destinataire est hors de votre périmètre.", outside.Error);
    }

    [SkippableFact]
    public async Task The_whole_path_records_history_audit_logbook_and_mails_the_issuer_on_completion()
    {
        var crisis = await _harness.OpenCrisisAsync();
        var request = await _harness.IssueAsync(Draft(crisis: crisis));

        var opened = await _harness.Commands.OpenAsync(MaireChelles, request.Id);
        Assert.Equal(MobilisationStatus.Received, opened.Request!.Status);
        // Opening again changes nothing.
        Assert.Equal(opened.Request.Version, (await _harness.Commands.OpenAsync(MaireChelles, request.Id)).Request!.Version);
        // The issuer opening it does not mark it received.
        Assert.Equal(MobilisationStatus.Received, (await _harness.Commands.OpenAsync(Sdis77, request.Id)).Request!.Status);

        var accepted = await _harness.Commands.AcceptAsync(MaireChelles, request.Id, opened.Request.Version);
        var started = await _harness.Commands.StartAsync(MaireChelles, request.Id, accepted.Request!.Version);
        var done = await _harness.Commands.CompleteAsync(MaireChelles, request.Id, started.Request!.Version);

        Assert.Equal(MobilisationStatus.Completed, done.Request!.Status);
        var stored = await _harness.Queries.DetailAsync(MaireChelles, request.Id);
        Assert.Equal([MobilisationAction.Receive, MobilisationAction.Accept, MobilisationAction.Start, MobilisationAction.Complete],
            stored!.History.Select(s => s.Action));
        Assert.All(stored.History, s => Assert.Equal("Maire de Chelles", s.ActorName));
        var entries = await _harness.LogbookEntriesAsync();
        Assert.Equal(5, entries.Count);
        // The acceptance is a decision; the other steps are actions (entries of one instant have no order).
        Assert.Equal(LogbookEntryKind.Decision, Assert.Single(entries, e => e.Text.Contains(": acceptée par")).Kind);
        Assert.Equal(5, (await _harness.AuditActionsAsync()).Count);
        await _harness.DeliverAsync();
        Assert.Contains(_harness.Mail.Sent, m => m.Recipient == "sdis77-id@test.invalid" && m.Subject.StartsWith("[Enki] Demande réalisée"));
    }

    [SkippableFact]
    public async Task One_tap_accept_from_the_inbox_also_receives()
    {
        var request = await _harness.IssueAsync();
        var accepted = await _harness.Commands.AcceptAsync(MaireChelles, request.Id, request.Version);
        Assert.Equal(MobilisationStatus.Accepted, accepted.Request!.Status);
        Assert.Equal([MobilisationAction.Receive, MobilisationAction.Accept], accepted.Request.History.Select(s => s.Action));
    }

    [SkippableFact]
    public async Task Refusal_needs_a_reason_and_tells_the_issuer()
    {
        var request = await _harness.IssueAsync();
        var noReason = await _harness.Commands.RefuseAsync(MaireChelles, request.Id, request.Version, " ");
        Assert.Equal("Le motif du refus est obligatoire.", noReason.Error);
        Assert.Equal(MobilisationStatus.Issued, (await _harness.Queries.DetailAsync(Sdis77, request.Id))!.Status);

        var refused = await _harness.Commands.RefuseAsync(MaireChelles, request.Id, request.Version, "Gymnase inondé");
        Assert.Equal(MobilisationStatus.Refused, refused.Request!.Status);
        await _harness.DeliverAsync();
        Assert.Contains(_harness.Mail.Sent, m => m.Recipient == "sdis77-id@test.invalid" && m.Body.Contains("Gymnase inondé"));
    }

    [SkippableFact]
    public async Task Wrong_actor_is_refused_in_french()
    {
        var request = await _harness.IssueAsync();
        var bySdis = await _harness.Commands.AcceptAsync(Sdis77, request.Id, request.Version);
        Assert.Equal("Seul le destinataire de la demande peut faire cela.", bySdis.Error);
        var byMayor = await _harness.Commands.CancelAsync(MaireChelles, request.Id, request.Version);
        Assert.Equal("Seul l'émetteur de la demande peut l'annuler.", byMayor.Error);
        // Outside both sides, the request does not exist.
        Assert.Equal("Demande introuvable.", (await _harness.Commands.AcceptAsync(MaireGuichen, request.Id, request.Version)).Error);
    }

    [SkippableFact]
    public async Task Acting_on_an_old_version_is_a_conflict_naming_who_changed_it()
    {
        var request = await _harness.IssueAsync();
        var opened = await _harness.Commands.OpenAsync(MaireChelles, request.Id);

        // The issuer's screen still shows the version before the mayor opened it.
        var cancel = await _harness.Commands.CancelAsync(Sdis77, request.Id, request.Version);

        Assert.True(cancel.IsConflict);
        Assert.Equal("Cette demande vient d'être modifiée par Maire de Chelles : rechargez.", cancel.Error);
        Assert.Equal(MobilisationStatus.Received, (await _harness.Queries.DetailAsync(Sdis77, request.Id))!.Status);
        Assert.True((await _harness.Commands.CancelAsync(Sdis77, request.Id, opened.Request!.Version)).Succeeded);
    }
}

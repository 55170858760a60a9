using System.Text;
using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Tests.Support;
using Enki.Tests.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Nexsis.Intake;

[Collection(GeographyCollection.Name)]
public sealed class QuarantineTests(GeographyFixture geography) : IAsyncLifetime
{
    private static readonly Viewer Admin = new("admin-id", "Administrateur", Profile.Administrator, Jurisdiction.National);
    private static readonly Viewer Prefecture = new("pref-id", "Préfecture 77", Profile.Prefecture, Jurisdiction.Of(JurisdictionKind.Department, "77"));
    private readonly FailingWrite _failingAudit = FailingWrite.InsertInto("AuditEntries");
    private IntakeHarness _intake = null!;

    public async Task InitializeAsync()
    {
        _intake = new IntakeHarness(geography.Geography, _failingAudit.AddTo);
        await _intake.InitializeAsync();
    }

    private Task<List<AuditEntry>> AuditAsync() => _intake.QueryAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private Quarantine Quarantine => _intake.Services.GetRequiredService<Quarantine>();

    [Fact]
    public async Task A_message_too_costly_to_read_is_quarantined_with_its_reason_and_refused_again_on_reprocessing()
    {
        // 400,000 attributes in 4 MB: the XML reader alone spent seconds on it, at the push and again at each reprocessing.
        var hostile = Encoding.UTF8.GetBytes("<edxlDistribution" + string.Concat(Enumerable.Range(0, 400_000).Select(i => $" a{i}=\"\"")) + "/>");

        var receipt = await _intake.PushAsync(hostile);
        Assert.Equal("Message trop complexe (plus de 20 000 éléments, attributs ou valeurs)", receipt.Failure?.Reason);

        var quarantined = Assert.Single((await Quarantine.ListAsync(Admin, null, 0, 25)).Items);
        Assert.Equal(receipt.Failure!.Reason, quarantined.Reason);
        Assert.True(await Quarantine.ReprocessAsync(Admin, quarantined.Id));
        await _intake.DrainAsync();
        var again = Assert.Single((await Quarantine.ListAsync(Admin, null, 0, 25)).Items);
        Assert.Equal(receipt.Failure.Reason, again.Reason);
    }

    [Fact]
    public async Task Administrators_see_refused_payloads_whole_with_their_reason_and_can_send_them_back()
    {
        await _intake.PushAsync(CreateCase("fr.fire.sis077.cga-077.SC-Q-1", insee: "99999", lat: 46.5, lon: -3.5));
        await _intake.DrainAsync();

        var page = await Quarantine.ListAsync(Admin, null, 0, 25);
        var refused = Assert.Single(page.Items);
        Assert.StartsWith("Lieu introuvable", refused.Reason);
        Assert.Contains("SC-Q-1", refused.Payload);

        Assert.True(await Quarantine.ReprocessAsync(Admin, refused.Id));
        Assert.Equal(InboxState.Pending, await _intake.QueryAsync(db => db.NexsisInbox.Select(m => m.State).SingleAsync()));
        var audited = Assert.Single(await AuditAsync());
        Assert.Equal(AuditActions.NexsisReprocessed, audited.Action);
        Assert.Contains(refused.Id.ToString(), audited.Target);
        Assert.Equal(Admin.Id, audited.ActorId);

        await _intake.DrainAsync(); // still refused for the same reason: back in quarantine, nothing lost
        Assert.Equal(InboxState.Quarantined, await _intake.QueryAsync(db => db.NexsisInbox.Select(m => m.State).SingleAsync()));
        // Refused at the push (never read by the intake), then read once more by the reprocessing.
        Assert.Equal(1, await _intake.QueryAsync(db => db.NexsisInbox.Select(m => m.Attempts).SingleAsync()));
    }

    [Fact]
    public async Task Only_national_administrators_reach_the_quarantine()
    {
        await _intake.PushAsync("not a message"u8.ToArray());
        var id = await _intake.QueryAsync(db => db.NexsisInbox.Select(m => m.Id).SingleAsync());

        Assert.Empty((await Quarantine.ListAsync(Prefecture, null, 0, 25)).Items);
        Assert.False(await Quarantine.ReprocessAsync(Prefecture, id));
        Assert.Equal(1, await Quarantine.CountAsync(Admin));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task A_reprocessing_whose_audit_row_cannot_be_written_leaves_the_message_in_quarantine()
    {
        await _intake.PushAsync("not a message"u8.ToArray());
        var id = await _intake.QueryAsync(db => db.NexsisInbox.Select(m => m.Id).SingleAsync());

        _failingAudit.Arm();
        await FailingWrite.AssertFailsAsync(() => Quarantine.ReprocessAsync(Admin, id));

        Assert.Equal(InboxState.Quarantined, await _intake.QueryAsync(db => db.NexsisInbox.Select(m => m.State).SingleAsync()));
        Assert.Empty(await AuditAsync());

        _failingAudit.Disarm();
        Assert.True(await Quarantine.ReprocessAsync(Admin, id));
        Assert.Equal(InboxState.Pending, await _intake.QueryAsync(db => db.NexsisInbox.Select(m => m.State).SingleAsync()));
        Assert.Single(await AuditAsync());
    }
}

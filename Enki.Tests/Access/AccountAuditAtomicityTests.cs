using Enki.Application.Accounts;
using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Access;

/// <summary>
/// Account changes go through Identity's own save: their audit row is committed by it, so a failure on
/// either write leaves neither the change nor the row (issue 13).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AccountAuditAtomicityTests
{
    private static readonly Viewer Admin = new("admin-id", "Administrateur", Profile.Administrator, Jurisdiction.National);

    private static readonly InvitationRequest Lagny =
        new("maire.lagny@exemple.fr", "Maire de Lagny", "Mairie", Profile.Mayor, Jurisdiction.Commune("77288"));

    /// <summary>Starts the app (its failing write still disarmed) and gives its administration of accounts.</summary>
    private static async Task<AccountAdministration> AccountsAsync(EnkiWebApplicationFactory app)
    {
        await UserAsync(app, "admin");
        return app.Services.GetRequiredService<AccountAdministration>();
    }

    private static EnkiWebApplicationFactory App(FailingWrite failing) => new EnkiWebApplicationFactory().WithServices(failing.AddTo);

    private static async Task<T> ReadAsync<T>(EnkiWebApplicationFactory app, Func<EnkiDbContext, Task<T>> read)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    private static async Task<EnkiUser> UserAsync(EnkiWebApplicationFactory app, string userName)
    {
        using var client = app.CreateClient(); // starts the host, which seeds the demo accounts
        return await ReadAsync(app, db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));
    }

    private static Task<int> AuditCountAsync(EnkiWebApplicationFactory app, string action) =>
        ReadAsync(app, db => db.AuditEntries.CountAsync(e => e.Action == action));

    [Fact]
    public async Task An_access_change_whose_audit_row_cannot_be_written_leaves_the_account_as_it_was()
    {
        var failing = FailingWrite.InsertInto("AuditEntries");
        await using var app = App(failing);
        var chelles = await UserAsync(app, "maire-chelles");
        var accounts = app.Services.GetRequiredService<AccountAdministration>();

        failing.Arm();
        await FailingWrite.AssertFailsAsync(() => accounts.ChangeAccessAsync(Admin, chelles.Id, Profile.Mayor, Jurisdiction.Commune("77288")));

        Assert.Equal(1, failing.Refused);
        var unchanged = await UserAsync(app, "maire-chelles");
        Assert.Equal("77108", unchanged.CommuneCode);
        Assert.Equal(chelles.SecurityStamp, unchanged.SecurityStamp);
        Assert.Equal(0, await AuditCountAsync(app, AuditActions.AccessChanged));

        failing.Disarm();
        var retried = await accounts.ChangeAccessAsync(Admin, chelles.Id, Profile.Mayor, Jurisdiction.Commune("77288"));

        Assert.True(retried.Succeeded, string.Join(" ", retried.Errors));
        Assert.Equal("77288", (await UserAsync(app, "maire-chelles")).CommuneCode);
        Assert.Equal(1, await AuditCountAsync(app, AuditActions.AccessChanged));
    }

    [Fact]
    public async Task Disabling_an_account_that_cannot_be_saved_writes_no_audit_row()
    {
        var failing = FailingWrite.UpdateOf("AspNetUsers");
        await using var app = App(failing);
        var sdis = await UserAsync(app, "sdis77");

        failing.Arm();
        await FailingWrite.AssertFailsAsync(() => app.Services.GetRequiredService<AccountAdministration>().SetDisabledAsync(Admin, sdis.Id, true));

        Assert.Equal(1, failing.Refused);
        Assert.False((await UserAsync(app, "sdis77")).IsDisabled);
        Assert.Equal(0, await AuditCountAsync(app, AuditActions.Disabled));
    }

    [Fact]
    public async Task An_invitation_whose_audit_row_cannot_be_written_creates_no_account_no_link_and_sends_no_mail()
    {
        var failing = FailingWrite.InsertInto("AuditEntries");
        await using var app = App(failing);
        var accounts = await AccountsAsync(app);

        failing.Arm();
        await FailingWrite.AssertFailsAsync(() => accounts.InviteAsync(Admin, Lagny, "http://localhost/"));

        Assert.False(await ReadAsync(app, db => db.Users.AnyAsync(u => u.Email == Lagny.Email)));
        Assert.Equal(0, await ReadAsync(app, db => db.Invitations.CountAsync()));
        Assert.Equal(0, await ReadAsync(app, db => db.Outbox.CountAsync()));
        Assert.Equal(0, await AuditCountAsync(app, AuditActions.Invitation));

        failing.Disarm();
        var retried = await accounts.InviteAsync(Admin, Lagny, "http://localhost/");

        Assert.True(retried.Succeeded, string.Join(" ", retried.Errors));
        Assert.Equal(1, await ReadAsync(app, db => db.Invitations.CountAsync()));
        Assert.Equal(1, await AuditCountAsync(app, AuditActions.Invitation));
    }

    [Fact]
    public async Task An_accepted_invitation_whose_audit_row_cannot_be_written_sets_no_password_and_leaves_the_link_usable()
    {
        var failing = FailingWrite.InsertInto("AuditEntries");
        await using var app = App(failing);
        var invited = await (await AccountsAsync(app)).InviteAsync(Admin, Lagny, "http://localhost/");
        var token = invited.Link!.Split("jeton=")[1];
        var acceptance = app.Services.GetRequiredService<InvitationAcceptance>();

        failing.Arm();
        await FailingWrite.AssertFailsAsync(() => acceptance.AcceptAsync(token, "Nouveau-mot-2026!"));

        Assert.Equal(1, failing.Refused);
        Assert.Null((await UserAsync(app, "maire.lagny@exemple.fr")).PasswordHash);
        Assert.Equal(InvitationState.Valid, (await acceptance.CheckAsync(token)).State);
        Assert.Equal(0, await AuditCountAsync(app, AuditActions.InvitationAccepted));

        failing.Disarm();
        var retried = await acceptance.AcceptAsync(token, "Nouveau-mot-2026!");

        Assert.True(retried.Succeeded, string.Join(" ", retried.Errors));
        Assert.NotNull((await UserAsync(app, "maire.lagny@exemple.fr")).PasswordHash);
        Assert.Equal(InvitationState.Used, (await acceptance.CheckAsync(token)).State);
        Assert.Equal(1, await AuditCountAsync(app, AuditActions.InvitationAccepted));
    }

    [Fact]
    public async Task A_lockout_whose_audit_row_cannot_be_written_does_not_lock_the_account()
    {
        var failing = FailingWrite.InsertInto("AuditEntries");
        await using var app = App(failing);
        await UserAsync(app, "sdis77");
        async Task<string?> WrongPasswordAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PasswordSignIn>().SignInAsync("sdis77", "Mauvais-mot-de-passe-1");
        }
        for (var i = 0; i < 9; i++) Assert.Equal(PasswordSignIn.Refused, await WrongPasswordAsync());
        Assert.Equal(9, (await UserAsync(app, "sdis77")).AccessFailedCount);

        failing.Arm();
        await FailingWrite.AssertFailsAsync(WrongPasswordAsync);

        var unlocked = await UserAsync(app, "sdis77");
        Assert.Null(unlocked.LockoutEnd);
        Assert.Equal(9, unlocked.AccessFailedCount);
        Assert.Equal(0, await AuditCountAsync(app, AuditActions.LockedOut));
        Assert.Equal(9, await AuditCountAsync(app, AuditActions.SignInFailed));

        failing.Disarm();
        Assert.Equal(PasswordSignIn.Refused, await WrongPasswordAsync());

        Assert.NotNull((await UserAsync(app, "sdis77")).LockoutEnd);
        Assert.Equal(1, await AuditCountAsync(app, AuditActions.LockedOut));
    }
}

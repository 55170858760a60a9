using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Domain.Directory;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Directory;

/// <summary>
/// Writes of the directory: administrators anywhere, préfectures inside their department
/// (<see cref="AccessPolicy.MayEditOrganisation"/>). Each accepted write is saved with its audit row, placed on the organisation's territory.
/// </summary>
public sealed class OrganisationCommands(
    IDbContextFactory<EnkiDbContext> dbFactory, ITerritoryDirectory territories, AuditRecorder recorder, TimeProvider clock)
{
    public async Task<DirectoryWriteResult> CreateAsync(Viewer viewer, OrganisationDetails details, CancellationToken cancellationToken = default)
    {
        var valid = details.Check(territories);
        if (!valid.IsValid) return DirectoryWriteResult.Refused(valid.Errors);
        if (!AccessPolicy.MayEditOrganisation(viewer, Territory.Of(valid.Value!.Territory, territories)))
        {
            return DirectoryWriteResult.Refused(AccessPolicy.DirectoryRefusal(viewer));
        }
        var organisation = Organisation.Create(Guid.NewGuid(), valid.Value, territories, clock.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Organisations.Add(organisation);
        Audit(db, viewer, DirectoryAuditActions.OrganisationCreated, organisation, organisation.Kind.Label());
        await db.SaveChangesAsync(cancellationToken);
        return DirectoryWriteResult.Done(organisation.Id);
    }

    public Task<DirectoryWriteResult> UpdateAsync(Viewer viewer, Guid id, OrganisationDetails details, CancellationToken cancellationToken = default) =>
        ChangeAsync(viewer, id, DirectoryAuditActions.OrganisationUpdated, cancellationToken, organisation =>
        {
            var valid = details.Check(territories);
            if (!valid.IsValid) return (valid.Errors, null);
            // Moving an organisation out of one's department is refused like creating it there.
            if (!AccessPolicy.MayEditOrganisation(viewer, Territory.Of(valid.Value!.Territory, territories))) return ([AccessPolicy.DirectoryRefusal(viewer)], null);
            organisation.Update(valid.Value, territories, clock.GetUtcNow());
            return ([], null);
        });

    public Task<DirectoryWriteResult> AddContactAsync(Viewer viewer, Guid id, ContactDetails details, CancellationToken cancellationToken = default) =>
        ChangeAsync(viewer, id, DirectoryAuditActions.ContactAdded, cancellationToken, organisation =>
        {
            var valid = details.Check();
            if (!valid.IsValid) return (valid.Errors, null);
            organisation.AddContact(valid.Value!, clock.GetUtcNow());
            return ([], valid.Value!.Name);
        });

    public Task<DirectoryWriteResult> UpdateContactAsync(Viewer viewer, Guid id, Guid contactId, ContactDetails details,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(viewer, id, DirectoryAuditActions.ContactUpdated, cancellationToken, organisation =>
        {
            var valid = details.Check();
            if (!valid.IsValid) return (valid.Errors, null);
            return organisation.UpdateContact(contactId, valid.Value!, clock.GetUtcNow())
                ? ([], valid.Value!.Name)
                : (["Ce contact n'existe plus."], null);
        });

    public Task<DirectoryWriteResult> RemoveContactAsync(Viewer viewer, Guid id, Guid contactId, CancellationToken cancellationToken = default) =>
        ChangeAsync(viewer, id, DirectoryAuditActions.ContactRemoved, cancellationToken, organisation =>
        {
            var name = organisation.Contacts.FirstOrDefault(c => c.Id == contactId)?.Name;
            return organisation.RemoveContact(contactId, clock.GetUtcNow()) ? ([], name) : (["Ce contact n'existe plus."], null);
        });

    /// <summary>Loads a visible organisation, checks the right to edit it, applies the change and saves it with its audit row.</summary>
    private async Task<DirectoryWriteResult> ChangeAsync(Viewer viewer, Guid id, string action, CancellationToken cancellationToken,
        Func<Organisation, (IReadOnlyList<string> Errors, string? Detail)> change)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await db.Organisations.Where(AccessPolicy.OrganisationsVisible(viewer, territories))
            .FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null) return DirectoryWriteResult.NotFound;
        if (!AccessPolicy.MayEditOrganisation(viewer, organisation)) return DirectoryWriteResult.Refused(AccessPolicy.DirectoryRefusal(viewer));
        var (errors, detail) = change(organisation);
        if (errors.Count > 0) return DirectoryWriteResult.Refused(errors);
        Audit(db, viewer, action, organisation, detail);
        await db.SaveChangesAsync(cancellationToken);
        return DirectoryWriteResult.Done(organisation.Id);
    }

    /// <summary>The row joins the change's unit of work: saved with it or not at all.</summary>
    private void Audit(EnkiDbContext db, Viewer viewer, string action, Organisation organisation, string? detail) =>
        recorder.Add(db, action, organisation.Name, detail, organisation, viewer);
}

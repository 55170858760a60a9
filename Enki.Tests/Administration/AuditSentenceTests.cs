using Enki.Domain.Audit;
using Enki.Domain.Crises;
using Enki.Infrastructure.Audit;
using Enki.Web.Components.Administration;

namespace Enki.Tests.Administration;

public sealed class AuditSentenceTests
{
    private static AuditEntry Entry(string action, string? actor, string? target) =>
        new() { Action = action, ActorName = actor, Target = target, At = DateTimeOffset.UtcNow };

    [Fact]
    public void Journal_entries_read_as_french_sentences()
    {
        Assert.Equal("Officier COGIC a ouvert une session.", AuditSentence.Of(Entry(AuditActions.SignIn, "Officier COGIC", "cogic")));
        Assert.Equal("Connexion refusée pour l'identifiant « sdis77 ».", AuditSentence.Of(Entry(AuditActions.SignInFailed, null, "sdis77")));
        Assert.Equal("Préfecture de Seine-et-Marne a ouvert la crise « Crue de la Marne ».",
            AuditSentence.Of(Entry(CrisisAuditActions.Opened, "Préfecture de Seine-et-Marne", "Crue de la Marne")));
    }

    [Fact]
    public void Every_action_of_every_feature_has_its_sentence()
    {
        foreach (var action in AuditActions.Labels.Keys)
        {
            var sentence = AuditSentence.Of(Entry(action, "Administrateur Enki", "cible"));
            // The fallback reads « who : label »: every known action must have better than that.
            Assert.DoesNotContain("Administrateur Enki :", sentence);
            Assert.EndsWith(".", sentence);
        }
    }

    [Fact]
    public void A_mobilisation_entry_links_to_its_request()
    {
        var id = Guid.NewGuid();
        Assert.Equal($"mobilisations/{id}", AuditSentence.Link(Entry("mobilisation.acceptee", "Maire de Chelles", $"mobilisation:{id}")));
        Assert.Null(AuditSentence.Link(Entry(AuditActions.SignIn, "Maire de Chelles", "maire-chelles")));
    }
}

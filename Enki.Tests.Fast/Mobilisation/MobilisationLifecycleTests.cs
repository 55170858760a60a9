using Enki.Domain.Access;
using Enki.Domain.Mobilisation;
using static Enki.Tests.Mobilisation.MobilisationSamples;

namespace Enki.Tests.Mobilisation;

public sealed class MobilisationLifecycleTests
{
    public static TheoryData<MobilisationStatus, MobilisationAction> EveryPair()
    {
        var data = new TheoryData<MobilisationStatus, MobilisationAction>();
        foreach (var status in Enum.GetValues<MobilisationStatus>())
        foreach (var action in Enum.GetValues<MobilisationAction>())
            data.Add(status, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_pair_is_allowed_exactly_when_the_table_lists_it(MobilisationStatus from, MobilisationAction action)
    {
        var request = At(from);
        var transition = MobilisationLifecycle.Find(from, action);
        var actor = action == MobilisationAction.Cancel ? Sdis77 : MaireChelles;
        var before = request.Version;

        if (transition is null)
        {
            var refused = Assert.Throws<MobilisationRefused>(() => request.Apply(action, actor, Now.AddMinutes(5), "motif"));
            Assert.Contains(from.French(), refused.Message);
            Assert.Equal(from, request.Status);
            Assert.Equal(before, request.Version);
        }
        else
        {
            var step = request.Apply(action, actor, Now.AddMinutes(5), "motif");
            Assert.Equal(transition.To, request.Status);
            Assert.Equal(new MobilisationStep(from, action, transition.To, actor.Id, actor.Name, Now.AddMinutes(5), "motif"), step);
            Assert.Same(step, request.History[^1]);
            Assert.NotEqual(before, request.Version);
        }
    }

    [Fact]
    public void Each_action_belongs_to_one_party()
    {
        foreach (var group in MobilisationLifecycle.Table.GroupBy(t => t.Action))
        {
            Assert.Single(group.Select(t => t.By).Distinct());
        }
    }

    [Fact]
    public void Table_matches_the_agreed_lifecycle()
    {
        var rows = MobilisationLifecycle.Table.Select(t => $"{t.From}-{t.Action}->{t.To} by {t.By}").ToHashSet();
        Assert.Equal(new HashSet<string>
        {
            "Issued-Receive->Received by Recipient", "Received-Accept->Accepted by Recipient", "Received-Refuse->Refused by Recipient",
            "Accepted-Start->InProgress by Recipient", "InProgress-Complete->Completed by Recipient",
            "Issued-Cancel->Cancelled by Issuer", "Received-Cancel->Cancelled by Issuer",
            "Accepted-Cancel->Cancelled by Issuer", "InProgress-Cancel->Cancelled by Issuer",
        }, rows);
    }

    [Theory]
    [InlineData(MobilisationAction.Receive, MobilisationStatus.Issued)]
    [InlineData(MobilisationAction.Accept, MobilisationStatus.Received)]
    [InlineData(MobilisationAction.Refuse, MobilisationStatus.Received)]
    [InlineData(MobilisationAction.Start, MobilisationStatus.Accepted)]
    [InlineData(MobilisationAction.Complete, MobilisationStatus.InProgress)]
    public void Only_the_recipient_moves_the_work_on(MobilisationAction action, MobilisationStatus from)
    {
        foreach (var stranger in new[] { Sdis77, Prefecture77, MaireGuichen })
        {
            var request = At(from);
            var refused = Assert.Throws<MobilisationRefused>(() => request.Apply(action, stranger, Now, "motif"));
            Assert.Equal("Seul le destinataire de la demande peut faire cela.", refused.Message);
            Assert.Equal(from, request.Status);
        }
    }

    [Fact]
    public void Only_the_issuing_service_cancels()
    {
        foreach (var stranger in new[] { MaireChelles, Prefecture77, MaireGuichen })
        {
            var request = At(MobilisationStatus.Accepted);
            var refused = Assert.Throws<MobilisationRefused>(() => request.Apply(MobilisationAction.Cancel, stranger, Now));
            Assert.Equal("Seul l'émetteur de la demande peut l'annuler.", refused.Message);
        }
        // A colleague of the same service (same profile, same department) may.
        var colleague = At(MobilisationStatus.Accepted);
        colleague.Apply(MobilisationAction.Cancel, OtherSdis77Operator, Now);
        Assert.Equal(MobilisationStatus.Cancelled, colleague.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Refusal_requires_a_reason(string? reason)
    {
        var request = At(MobilisationStatus.Received);
        var refused = Assert.Throws<MobilisationRefused>(() => request.Apply(MobilisationAction.Refuse, MaireChelles, Now, reason));
        Assert.Equal("Le motif du refus est obligatoire.", refused.Message);
        Assert.Equal(MobilisationStatus.Received, request.Status);
    }

    [Fact]
    public void Refusal_keeps_its_reason()
    {
        var request = At(MobilisationStatus.Received);
        request.Apply(MobilisationAction.Refuse, MaireChelles, Now, "  Gymnase déjà occupé ");
        Assert.Equal("Gymnase déjà occupé", request.RefusalReason);
    }

    [Fact]
    public void Actions_offered_follow_status_and_side()
    {
        var request = At(MobilisationStatus.Received);
        Assert.Equal([MobilisationAction.Accept, MobilisationAction.Refuse], AccessPolicy.RequestActions(MaireChelles, request));
        Assert.Equal([MobilisationAction.Cancel], AccessPolicy.RequestActions(Sdis77, request));
        Assert.Empty(AccessPolicy.RequestActions(MaireGuichen, request));
        Assert.Empty(AccessPolicy.RequestActions(Sdis77, At(MobilisationStatus.Completed)));
    }

    [Theory]
    [InlineData(MobilisationStatus.Issued, true)]
    [InlineData(MobilisationStatus.Received, true)]
    [InlineData(MobilisationStatus.Accepted, true)]
    [InlineData(MobilisationStatus.InProgress, true)]
    [InlineData(MobilisationStatus.Completed, false)]
    [InlineData(MobilisationStatus.Refused, false)]
    [InlineData(MobilisationStatus.Cancelled, false)]
    public void Overdue_once_the_deadline_passes_unless_closed(MobilisationStatus status, bool overdue)
    {
        var request = At(status);
        Assert.False(request.IsOverdue(Now.AddHours(1)));
        Assert.Equal(overdue, request.IsOverdue(Now.AddHours(3)));
        Assert.Equal(overdue, request.MarkOverdueNotified(Now.AddHours(3)));
        Assert.False(request.MarkOverdueNotified(Now.AddHours(4)));
    }
}

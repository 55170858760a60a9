using System.Reflection;
using Enki.Domain.Audit;
using Enki.Domain.Crises;
using Enki.Domain.Directory;
using Enki.Domain.Mobilisation;

namespace Enki.Tests.Access;

/// <summary>The journal shows every action in French: none falls back to its stored code.</summary>
public sealed class AuditActionLabelsTests
{
    public static TheoryData<string> Actions()
    {
        var data = new TheoryData<string>();
        foreach (var type in new[] { typeof(AuditActions), typeof(CrisisAuditActions), typeof(DirectoryAuditActions), typeof(MobilisationAuditActions) })
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            {
                data.Add((string)field.GetRawConstantValue()!);
            }
        }
        foreach (var action in Enum.GetValues<MobilisationAction>()) data.Add(MobilisationAuditActions.Of(action));
        return data;
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Every_action_has_a_french_label(string action)
    {
        var label = AuditActions.Label(action);

        Assert.NotEqual(action, label);
        Assert.True(char.IsUpper(label[0]), label);
    }
}

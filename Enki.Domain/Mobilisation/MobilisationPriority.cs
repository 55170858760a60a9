namespace Enki.Domain.Mobilisation;

public enum MobilisationPriority
{
    Urgente,
    Normale,
    Basse,
}

public static class MobilisationPriorityWords
{
    public static string French(this MobilisationPriority priority) => priority switch
    {
        MobilisationPriority.Urgente => "Urgente",
        MobilisationPriority.Normale => "Normale",
        _ => "Basse",
    };
}

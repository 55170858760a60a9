namespace Enki.Infrastructure.Vigilance;

/// <summary>A document that cannot be read as its source's format; its message (French) is the quarantine's reason.</summary>
public sealed class VigilanceDocumentRejected(string reason) : Exception(reason);

/// <summary>What a reader took from a document, and what it kept without understanding it (to log).</summary>
public sealed record VigilanceDocument(IReadOnlyList<Domain.Vigilance.VigilanceReading> Readings, IReadOnlyList<string> Unknowns);

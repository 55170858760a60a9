namespace Enki.Domain.Warnings;

/// <summary>Something the warnings' rules forbid (outside the jurisdiction, a transition not in the table…); the message is for the user.</summary>
public sealed class WarningRefused(string reasonInFrench) : Exception(reasonInFrench);

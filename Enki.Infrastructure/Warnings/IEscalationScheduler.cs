namespace Enki.Infrastructure.Warnings;

/// <summary>Asks for a warning's escalation to be looked at when it falls due (Hangfire's delayed jobs; the minute job is the safety net).</summary>
public interface IEscalationScheduler
{
    void Schedule(Guid warningId, DateTimeOffset due);
}

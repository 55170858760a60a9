using Enki.Tests.Nexsis.Intake;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.History;

/// <summary>
/// A history with a late message, through the real intake: two cases created at 09:00 (Paris) by their
/// senders reach Enki at 09:05; Chelles's triage of 09:10 (two urgences absolues) only at 09:30.
/// </summary>
internal static class LateTriage
{
    public static async Task SeedAsync(IntakeHarness intake, string chellesCase, string guichenCase)
    {
        await intake.InitializeAsync();
        // 09:05 (Enki's clock): both cases arrive, created at 09:00 by their senders.
        await intake.PushAsync(CreateCase(chellesCase));
        await intake.PushAsync(CreateCase(guichenCase, insee: "35126", lat: 47.9675, lon: -1.7947));
        await intake.DrainAsync();
        // 09:30: the triage of 09:10 at Chelles finally arrives.
        intake.Clock.Advance(TimeSpan.FromMinutes(25));
        await intake.PushAsync(Situation(chellesCase, "IPR", T0.AddMinutes(10), red: 2));
        await intake.DrainAsync();
    }
}

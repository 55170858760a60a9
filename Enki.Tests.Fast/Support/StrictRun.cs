namespace Enki.Tests.Support;

/// <summary>
/// Under CI (<c>CI</c> or <c>ENKI_E2E_REQUIRED</c> set) what a test needs from the machine (Chromium,
/// PostgreSQL) must be there: missing, it fails the tests instead of skipping them.
/// </summary>
public static class StrictRun
{
    public static bool IsOn =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ENKI_E2E_REQUIRED"));
}

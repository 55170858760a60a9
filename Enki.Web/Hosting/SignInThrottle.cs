namespace Enki.Web.Hosting;

/// <summary>Per-address throttling of sign-in attempts (settings <c>Enki:SignIn:*</c>).</summary>
public sealed class SignInThrottle
{
    public const int DefaultAttemptsPerAddress = 8;
}

using Enki.Tests.Support;
using Microsoft.Extensions.Options;

namespace Enki.Tests.Security;

/// <summary>A partner key whose scope is missing or names no real territory stops the start, naming the key.</summary>
[Collection(WebCollection.Name)]
public sealed class ApiKeyScopeStartupTests
{
    [Theory]
    [InlineData(null, "aucun périmètre")]
    [InlineData("", "aucun périmètre")]
    [InlineData("commune:99999", "« commune:99999 »")]
    [InlineData("departement:999", "« departement:999 »")]
    [InlineData("zone:ATLANTIDE", "« zone:ATLANTIDE »")]
    [InlineData("planete:terre", "« planete:terre »")]
    public async Task A_key_without_a_real_scope_refuses_to_start_and_names_the_key(string? scope, string expected)
    {
        await using var app = new EnkiWebApplicationFactory()
            .With("Enki:Api:Keys:0:Name", "SIG Chelles")
            .With("Enki:Api:Keys:0:Key", "cle-chelles-0123456789abcdef")
            .With("Enki:Api:Keys:0:Scope", "commune:77108")
            .With("Enki:Api:Keys:1:Name", "Partenaire douteux")
            .With("Enki:Api:Keys:1:Key", "cle-douteuse-0123456789abcdef")
            .With("Enki:Api:Keys:1:Scope", scope);

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        var message = Assert.Single(error.Failures);
        Assert.Contains("« Partenaire douteux »", message);
        Assert.Contains(expected, message);
        Assert.DoesNotContain("SIG Chelles", error.Message);
    }

    [Fact]
    public async Task Keys_with_real_scopes_start()
    {
        await using var app = new EnkiWebApplicationFactory()
            .With("Enki:Api:Keys:0:Name", "SIG Chelles").With("Enki:Api:Keys:0:Key", "cle-chelles-0123456789abcdef").With("Enki:Api:Keys:0:Scope", "commune:77108")
            .With("Enki:Api:Keys:1:Name", "COZ").With("Enki:Api:Keys:1:Key", "cle-coz-0123456789abcdef").With("Enki:Api:Keys:1:Scope", "zone:PARIS")
            .With("Enki:Api:Keys:2:Name", "COGIC").With("Enki:Api:Keys:2:Key", "cle-cogic-0123456789abcdef").With("Enki:Api:Keys:2:Scope", "national");

        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

using System.Net;
using Enki.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Enki.Tests.Hosting;

/// <summary>
/// Nodes of one database sign and read cookies with one key ring, kept in that database: a person
/// signed in on one node is still signed in when the gateway sends them to another (issue 15).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SharedKeyRingTests
{
    private static EnkiWebApplicationFactory Node(string database) => new EnkiWebApplicationFactory()
        .With("Enki:Database:Provider", "PostgreSql")
        .With("Enki:Database:ConnectionString", database);

    private static async Task<HttpStatusCode> HomeAsync(EnkiWebApplicationFactory node, CookieContainer cookies)
    {
        using var client = node.CreateDefaultClient(new CookieContainerHandler(cookies));
        return (await client.GetAsync("/")).StatusCode;
    }

    [SkippableFact]
    public async Task A_cookie_signed_by_one_node_is_read_by_another_node_of_the_same_database_and_by_no_other_database()
    {
        var shared = await PostgresServer.CreateDatabaseAsync();
        var elsewhere = await PostgresServer.CreateDatabaseAsync();
        var cookies = new CookieContainer();

        await using (var first = Node(shared))
        {
            using var client = first.CreateDefaultClient(new CookieContainerHandler(cookies));
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync("sdis77", SignInClient.DemoPassword)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, await HomeAsync(first, cookies));
        }

        await using (var second = Node(shared))
        {
            Assert.Equal(HttpStatusCode.OK, await HomeAsync(second, cookies));
        }
        await using (var stranger = Node(elsewhere))
        {
            // Same machine, same user profile, another database: the keys are not in the machine's profile.
            Assert.Equal(HttpStatusCode.Redirect, await HomeAsync(stranger, cookies));
        }
    }
}

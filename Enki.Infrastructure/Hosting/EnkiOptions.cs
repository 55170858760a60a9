namespace Enki.Infrastructure.Hosting;

/// <summary>Settings under the <c>Enki</c> configuration section.</summary>
public sealed class EnkiOptions
{
    public const string Section = "Enki";

    /// <summary>Folder for every file Enki writes (SQLite database, exports). Relative paths are resolved from the content root.</summary>
    public string DataPath { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Redis, which carries the news of commits between nodes; none on a single node.</summary>
    public RedisOptions Redis { get; set; } = new();

    public DemoOptions Demo { get; set; } = new();

    public OidcOptions Oidc { get; set; } = new();

    public MailOptions Mail { get; set; } = new();

    public ApiOptions Api { get; set; } = new();

    /// <summary>The SMS gateway warnings go through; without a URL, SMS are only recorded in the outbox.</summary>
    public SmsOptions Sms { get; set; } = new();

    public WarningsOptions Warnings { get; set; } = new();

    /// <summary>Web Push to the persons' devices: VAPID subject and, for several nodes, the shared keys.</summary>
    public WebPushOptions WebPush { get; set; } = new();

    /// <summary>Météo-France's and Vigicrues' vigilance maps (<c>Enki:Vigilance:*</c>).</summary>
    public Vigilance.VigilanceOptions Vigilance { get; set; } = new();

    /// <summary>
    /// The embedded default: Development on SQLite. Only there do the demo accounts and the simulator run without
    /// being asked for; never against a production database.
    /// </summary>
    public bool IsEmbeddedDefault(bool development) => development && Database.Provider == DatabaseProvider.Sqlite;
}

public sealed class DemoOptions
{
    /// <summary>
    /// Whether the demo accounts (public password) and directory are created. Unset: only in Development on
    /// the embedded default (SQLite); anywhere else they exist only when asked for explicitly.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Password of the demo accounts.</summary>
    public string Password { get; set; } = "Enki-demo-2026!";

    /// <summary>A crisis under way in each demo territory, with its main courante and requests (embedded default only).</summary>
    public bool Crises { get; set; } = true;
}

/// <summary>Optional single sign-on (e.g. ProConnect); accounts must already exist in Enki.</summary>
public sealed class OidcOptions
{
    public bool Enabled { get; set; }

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string DisplayName { get; set; } = "ProConnect";
}

public sealed class MailOptions
{
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Public address of the console, used in links sent by e-mail.</summary>
    public string? PublicBaseUrl { get; set; }
}

public sealed class SmtpOptions
{
    /// <summary>Without a host, messages are only recorded in the outbox.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool UseStartTls { get; set; } = true;

    public string From { get; set; } = "Enki <ne-pas-repondre@enki.invalid>";
}

public sealed class ApiOptions
{
    public List<ApiKeyOptions> Keys { get; set; } = [];
}

/// <summary>
/// A partner's key; <see cref="Scope"/> uses the jurisdiction text form (national, zone:X, departement:X,
/// commune:X). No default: a forgotten scope must not become national access (<see cref="ApiKeysValidator"/>).
/// </summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    public string? Scope { get; set; }
}

public sealed class RedisOptions
{
    /// <summary>StackExchange.Redis configuration (e.g. <c>redis:6379,password=…</c>); empty on a single node.</summary>
    public string? Configuration { get; set; }
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for the server providers. For SQLite, defaults to <c>enki.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The connection string a server provider cannot start without.</summary>
    public string ServerConnectionString() => string.IsNullOrWhiteSpace(ConnectionString)
        ? throw new InvalidOperationException($"Enki:Database:Provider={Provider} requires Enki:Database:ConnectionString.")
        : ConnectionString;

    /// <summary>Apply pending EF Core migrations when the application starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>
/// An HTTP SMS gateway, whatever the provider: a POST of <see cref="BodyTemplate"/> (JSON, placeholders
/// <c>{to}</c>, <c>{text}</c>, <c>{id}</c>) to <see cref="Url"/> with <see cref="Headers"/>.
/// </summary>
public sealed class SmsOptions
{
    public const string DefaultBodyTemplate = """{"to":"{to}","text":"{text}","reference":"{id}"}""";

    /// <summary>The gateway's address; empty: SMS are recorded in the outbox, not sent.</summary>
    public string? Url { get; set; }

    /// <summary>Headers of every request (an <c>Authorization</c> key, an account id…).</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    public string BodyTemplate { get; set; } = DefaultBodyTemplate;
}

public sealed class WarningsOptions
{
    /// <summary>How long the one-tap acknowledgement link of an e-mail or SMS stays valid.</summary>
    public TimeSpan AcknowledgementLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long an urgent rule's warning waits for an acknowledgement before it escalates, unless the rule says otherwise.</summary>
    public TimeSpan UrgentEscalationDelay { get; set; } = Domain.Warnings.WarningRule.DefaultUrgentEscalation;
}

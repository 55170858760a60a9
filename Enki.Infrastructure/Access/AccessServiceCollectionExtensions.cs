using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Domain.Geography;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Identity on the Enki store, with Enki's password and lockout policy, plus accounts, audit and mail.</summary>
    public static IServiceCollection AddEnkiAccess(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddIdentityCore<EnkiUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                // Above what one address may try within the sign-in throttle's window (Enki:SignIn, 8 per 15 min):
                // an anonymous burst from one place is stopped (429) before it locks someone out.
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<EnkiDbContext>()
            .AddSignInManager<EnkiSignInManager>()
            .AddClaimsPrincipalFactory<EnkiClaimsPrincipalFactory>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        // TEMPORARY: replaced by the directory over FrenchGeography when the geography branch merges.
        services.AddSingleton<ITerritoryDirectory, GeographyTerritoryDirectory>();
        services.AddEnkiAuditRecorder();
        services.AddSingleton<IAuditTrail, EfAuditTrail>();
        services.AddSingleton<AuditJournal>();
        services.AddSingleton<IMailSender, OutboxMailSender>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<ICurrentPrincipal, CurrentPrincipal>();
        services.AddScoped<PasswordSignIn>();
        return services;
    }
}

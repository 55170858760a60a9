using Enki.Application.Accounts;
using Enki.Application.Crises;
using Enki.Application.Crises.Report;
using Enki.Application.Directory;
using Enki.Application.Indicators;
using Enki.Application.Intake;
using Enki.Application.Logbook;
using Enki.Application.Mobilisation;
using Enki.Application.Warnings;
using Enki.Infrastructure.Warnings;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Nexsis.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Application;

/// <summary>
/// The use cases, over the adapters <c>AddEnkiInfrastructure</c> registers (call it first). One method per
/// feature too, for the test harnesses that wire a single feature's adapters.
/// </summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddEnkiApplication(this IServiceCollection services) =>
        services.AddEnkiAccountUseCases()
            .AddEnkiIntakeUseCases()
            .AddEnkiDirectoryUseCases()
            .AddEnkiCrisisUseCases()
            .AddEnkiMobilisationUseCases()
            .AddEnkiWarningUseCases()
            .AddEnkiVigilanceUseCases();

    /// <summary>Invitations and account changes, on Identity's user manager.</summary>
    public static IServiceCollection AddEnkiAccountUseCases(this IServiceCollection services)
    {
        services.AddSingleton<AccountAdministration>();
        services.AddSingleton<InvitationAcceptance>();
        return services;
    }

    /// <summary>Applying NexSIS batches: the port Infrastructure's intake job drains the inbox through.</summary>
    public static IServiceCollection AddEnkiIntakeUseCases(this IServiceCollection services)
    {
        services.AddSingleton<IntakeProcessor>();
        services.AddSingleton<INexsisIntake>(sp => sp.GetRequiredService<IntakeProcessor>());
        services.AddSingleton<Infrastructure.History.Backfill.IHistoryBackfill, HistoryBackfill>();
        return services;
    }

    /// <summary>Directory writes and CSV import.</summary>
    public static IServiceCollection AddEnkiDirectoryUseCases(this IServiceCollection services)
    {
        services.AddScoped<OrganisationCommands>();
        services.AddScoped<DirectoryCsvImport>();
        return services;
    }

    /// <summary>Crises, their main courante and their point de situation. Stateless over the context factory: singletons.</summary>
    public static IServiceCollection AddEnkiCrisisUseCases(this IServiceCollection services)
    {
        services.AddSingleton<ILogbook, LogbookCommands>();
        services.AddSingleton<CrisisCommands>();
        services.AddSingleton<SituationReportCommands>();
        services.AddSingleton<Crises.Retex.RetexCommands>();
        services.AddSingleton<IndicatorPinCommands>();
        return services;
    }

    /// <summary>Mobilisation requests: commands, their trail, their mail and the deadline job.</summary>
    public static IServiceCollection AddEnkiMobilisationUseCases(this IServiceCollection services)
    {
        services.AddSingleton<MobilisationMail>();
        services.AddSingleton<MobilisationTrail>();
        services.AddSingleton<IEventHandler, MobilisationMailHandler>();
        services.AddSingleton<MobilisationCommands>();
        services.AddTransient<OverdueMobilisationJob>();
        return services;
    }

    /// <summary>The vigilance intake and its job.</summary>
    public static IServiceCollection AddEnkiVigilanceUseCases(this IServiceCollection services)
    {
        services.AddSingleton<Vigilance.VigilanceIntake>();
        services.AddTransient<Vigilance.VigilanceJob>();
        return services;
    }

    /// <summary>Warnings: rule evaluation on the stream, escalation (Hangfire), the people's commands.</summary>
    public static IServiceCollection AddEnkiWarningUseCases(this IServiceCollection services)
    {
        services.AddSingleton<IEventHandler, WarningRulesHandler>();
        services.AddSingleton<WarningCommands>();
        services.AddSingleton<WarningLinkAcknowledgement>();
        services.AddSingleton<WebPushSubscriptions>();
        services.AddSingleton<EscalationAdministration>();
        services.AddTransient<WarningEscalationJob>();
        services.AddSingleton<IEscalationScheduler, HangfireEscalationScheduler>();
        return services;
    }
}

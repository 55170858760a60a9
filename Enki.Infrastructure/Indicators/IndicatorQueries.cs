using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Infrastructure.Nexsis.Nomenclature;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// Computes any indicator of the catalogue over a territory and a period, for one viewer: the territory
/// must lie inside the viewer's jurisdiction (a crisis, be visible to them), and every incident read is
/// narrowed by that jurisdiction through the one filter, as in every read of Enki.
/// </summary>
public sealed class IndicatorQueries(IDbContextFactory<EnkiDbContext> dbFactory, FrenchGeography geography)
{
    /// <summary>The indicator's rows, or null when the territory does not exist or lies outside what the viewer sees.</summary>
    public async Task<IndicatorResult?> ComputeAsync(Viewer viewer, IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await IndicatorScope.ResolveAsync(db, viewer, request.Territory, geography, cancellationToken) is not { } scope)
        {
            return null;
        }
        var buckets = TimeBuckets.Of(request.From, request.To, request.Step, scope.Zone);
        var query = new IndicatorFactQuery(db, scope.RealIncidents(db, viewer), request, buckets, scope.RealOpenedHours(db, viewer),
            scope.RealOpenedNationalHours(db, viewer), scope.RealOpenedDepartmentDays(db, viewer), scope.RealCoverageHours(db, viewer),
            scope.RealResourceHours(db, viewer), scope.RealVictimChanges(db, viewer), scope.RealTouchedDepartmentDays(db, viewer),
            scope.RealResourceNationalHours(db, viewer), scope.RealResourceDepartmentDays(db, viewer), scope.RealCoverageNationalHours(db, viewer),
            scope.RealGridNationalHours(db, viewer));
        var definition = request.Definition;
        var rows = definition == IndicatorCatalogue.DepartureFromNormal
            ? await DepartureRows.ComputeAsync(query, cancellationToken)
            : await GroupedRowsAsync(query, scope, cancellationToken);
        return new IndicatorResult(definition, request.Territory.ToString(), scope.Label,
            request.From, request.To, request.Step, request.Representation, scope.Zone.Id, request.Category, rows);
    }

    private async Task<IReadOnlyList<IndicatorRow>> GroupedRowsAsync(IndicatorFactQuery query, IndicatorScope scope, CancellationToken cancellationToken)
    {
        var definition = query.Request.Definition;
        var facts = definition.Code switch
        {
            "interventions-ouvertes" or "taux-interventions" => await IncidentFacts.OpenedAsync(query, cancellationToken),
            "population-touchee" => await TouchedCommunes.ReadAsync(query, scope.Communes, geography, cancellationToken) ?? await IncidentFacts.OpenedAsync(query, cancellationToken),
            "interventions-en-cours" => await IncidentFacts.InProgressAsync(query, cancellationToken),
            "interventions-terminees" => await IncidentFacts.ClosedAsync(query, cancellationToken),
            "victimes" => await VictimFacts.OfOpenedAsync(query, cancellationToken),
            "victimes-connues" => await VictimFacts.KnownOverTimeAsync(query, cancellationToken),
            "densite-carreaux-1km" => await GridFacts.OpenedAsync(query, cancellationToken),
            "moyens-engages" => await ResourceHourReader.ReadAsync(query, released: false, cancellationToken),
            "duree-engagement" => await ResourceHourReader.ReadAsync(query, released: true, cancellationToken),
            "delai-couverture" => await CoverageReader.ReadAsync(query, cancellationToken),
            _ => throw new InvalidOperationException($"Indicateur sans calcul : {definition.Code}."),
        };
        if (query.Request.Category is { } category)
        {
            facts = facts.Where(f => string.Equals(f.Category, category, StringComparison.OrdinalIgnoreCase)).ToList();
        }
        var aggregation = definition.Code switch
        {
            "taux-interventions" => IndicatorAggregation.RatePer10000,
            "population-touchee" => IndicatorAggregation.PopulationTouched,
            "duree-engagement" or "delai-couverture" => IndicatorAggregation.Distribution,
            _ => IndicatorAggregation.Sum,
        };
        var context = new IndicatorGroupingContext(
            scope.Communes,
            code => geography.FindDepartment(code)?.Name,
            definition == IndicatorCatalogue.Victims || definition == IndicatorCatalogue.VictimsOverTime ? IndicatorCatalogue.VictimCategories : null,
            CategoryLabel,
            DistributionWidth: (definition.Measures.Count - 1) / 2);
        return IndicatorGrouping.Rows(facts, aggregation, query.Request.Representation, query.Buckets, context);
    }

    /// <summary>A nature family's French label (C04 → Incendie), a kind of resource as its sender names it.</summary>
    private static string CategoryLabel(string code) =>
        code.Length == 3 && code[0] == 'C' && NexsisNomenclature.NatureOfFact($"{code}.00.00")?.Label is { } family ? family : code;
}

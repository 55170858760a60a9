using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Tests.Nexsis.Intake;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Indicators;

/// <summary>
/// A small day of traffic whose indicators are worked out by hand in <see cref="IndicatorQueriesTests"/>
/// (Paris times, 28 November 2026, UTC+1):
/// <code>
/// A  Chelles  C04 fire   09:00  IPR 09:10 (UA 1, UR 2, impliqués 3, évacués 20)  FPT1: DECLENCHE 09:02, ARRIVEE 09:12, RET-BASE 10:02
/// B  Chelles  C01 road   09:30  COM 09:55 (décédé 1)                             VSAV1: DECLENCHE 09:35, ARRIVEE 09:50, RET-BASE 11:05
/// C  Meaux    C04 fire   10:15                                                   FPT2: DECLENCHE 10:20, ARRIVEE 10:45 (still there)
/// D  Guichen  C08 flood  09:45
/// E  Chelles  exercise   09:20  (never counted)
/// F  Chelles  C04        29 Nov 00:30 Paris = 28 Nov 23:30 UTC
/// G  Saint-Denis (974)   28 Nov 02:00 Réunion = 27 Nov 22:00 UTC
/// </code>
/// </summary>
internal static class IndicatorDataSet
{
    public static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    public static readonly DateTimeOffset Day = new(2026, 11, 28, 0, 0, 0, Winter);

    public static readonly Viewer National = new("cogic", "COGIC", Profile.Cogic, Jurisdiction.National);

    public static readonly Viewer MayorOfChelles = new("maire-chelles", "Maire de Chelles", Profile.Mayor, Jurisdiction.Commune("77108"));

    public static readonly Viewer MayorOfGuichen = new("maire-guichen", "Maire de Guichen", Profile.Mayor, Jurisdiction.Commune("35126"));

    public static DateTimeOffset At(int hour, int minute) => Day.AddHours(hour).AddMinutes(minute);

    public static async Task LoadAsync(IntakeHarness intake, FrenchGeography geography)
    {
        // Every case lies in the past of Enki's clock: none is brought back to its reception.
        intake.Clock.SetUtcNow(Day.AddDays(3));
        var meaux = geography.OutlineOf("77284")!.InteriorPoint;
        var saintDenis = geography.OutlineOf("97411")!.InteriorPoint;

        await intake.PushAsync(CreateCase("case.a", sentAt: At(9, 0), nature: "C04.02.01"));
        await intake.PushAsync(Situation("case.a", "IPR", At(9, 10), red: 1, yellow: 2, green: 3, evacuated: 20));
        await intake.PushAsync(Resource("case.a", "res.FPT1", "DECLENCHE", At(9, 2)));
        await intake.PushAsync(Resource("case.a", "res.FPT1", "ARRIVEE", At(9, 12)));
        await intake.PushAsync(Resource("case.a", "res.FPT1", "RET-BASE", At(10, 2)));

        await intake.PushAsync(CreateCase("case.b", sentAt: At(9, 30), nature: "C01.01.01", lat: 48.8750, lon: 2.6000));
        await intake.PushAsync(Situation("case.b", "COM", At(9, 55), black: 1));
        await intake.PushAsync(Resource("case.b", "res.VSAV1", "DECLENCHE", At(9, 35)));
        await intake.PushAsync(Resource("case.b", "res.VSAV1", "ARRIVEE", At(9, 50)));
        await intake.PushAsync(Resource("case.b", "res.VSAV1", "RET-BASE", At(11, 5)));

        await intake.PushAsync(CreateCase("case.c", insee: "77284", lat: meaux.Y, lon: meaux.X, sentAt: At(10, 15), nature: "C04.02.01"));
        await intake.PushAsync(Resource("case.c", "res.FPT2", "DECLENCHE", At(10, 20)));
        await intake.PushAsync(Resource("case.c", "res.FPT2", "ARRIVEE", At(10, 45)));

        await intake.PushAsync(CreateCase("case.d", insee: "35126", lat: 47.9657986, lon: -1.7901215, sentAt: At(9, 45), nature: "C08.01.00"));
        await intake.PushAsync(CreateCase("case.e", status: "Exercise", lat: 48.8800, lon: 2.5950, sentAt: At(9, 20)));
        await intake.PushAsync(CreateCase("case.f", lat: 48.8770, lon: 2.5930, sentAt: At(24, 30)));
        await intake.PushAsync(CreateCase("case.g", insee: "97411", lat: saintDenis.Y, lon: saintDenis.X,
            sentAt: new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.FromHours(4)), nature: "C04.02.01"));
        await intake.DrainAsync();
    }
}

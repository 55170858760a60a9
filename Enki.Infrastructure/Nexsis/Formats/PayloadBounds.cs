using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Enki.Infrastructure.Nexsis.Formats;

/// <summary>
/// Bounds the work a payload may cost before any parser builds it: nesting depth and the number of
/// elements, attributes and values. A real distribution holds about 150 of them (an RC-RI, some twenty per resource) and nests about
/// fifteen levels; the limits leave tens of times that. Both checks are one linear pass that stops
/// at the limit — the XML one does not even use an XML reader, whose cost grows faster than the
/// size for many attributes on one element (400,000 of them in 4 MB took seconds).
/// </summary>
internal static class PayloadBounds
{
    /// <summary>Most elements, attributes, comments (XML) or values (JSON) in one message.</summary>
    public const int MaxNodes = 20_000;

    /// <summary>
    /// Longest raw run (text, attribute value, CDATA, comment) let through to the parsers, in bytes or
    /// characters as sent: ten times the largest field limit, so entities and multi-byte characters of a
    /// value within its limit always pass; the field's own limit is checked on the parsed value.
    /// </summary>
    public const int MaxRawValue = 10 * FieldLimits.FreeText;

    /// <summary>
    /// Most text in one message, all values together, as sent (a real one holds a few kilobytes): the
    /// XML reader decodes text at some tens of nanoseconds a character, and the size cap alone would
    /// let 4 MB of texts each under its field's limit through.
    /// </summary>
    public const int MaxRawText = 500_000;

    /// <exception cref="NexsisFormatException">Nested too deep, too many elements and attributes, or a value far too long.</exception>
    public static void CheckXml<T>(ReadOnlySpan<T> xml) where T : unmanaged, IBinaryInteger<T>
    {
        T lt = T.CreateTruncating('<'), gt = T.CreateTruncating('>'), slash = T.CreateTruncating('/'), bang = T.CreateTruncating('!'),
            question = T.CreateTruncating('?'), equals = T.CreateTruncating('='), quote = T.CreateTruncating('"'), apostrophe = T.CreateTruncating('\'');
        var names = new List<Range>();
        var nodes = 0;
        long text = 0;
        var at = 0;
        while (at < xml.Length)
        {
            var next = xml[at..].IndexOf(lt);
            var tag = next < 0 ? xml.Length : at + next;
            RefuseLong(xml, names, tag - at, null, ref text);
            if (next < 0)
            {
                return;
            }
            var first = tag + 1 < xml.Length ? xml[tag + 1] : default;
            // Comments, CDATA, declarations and processing instructions: skipped whole (what they hold is no markup).
            at = first == bang && Starts(xml, tag, "<!--") ? After(xml, tag + 4, "-->")
                : first == bang && Starts(xml, tag, "<![CDATA[") ? After(xml, tag + 9, "]]>")
                : first == question ? After(xml, tag + 2, "?>")
                : first == bang || first == slash ? After(xml, tag + 2, ">")
                : -1;
            if (at >= 0)
            {
                if (first != slash)
                {
                    RefuseLong(xml, names, at - tag, "(commentaire, CDATA ou déclaration)", ref text);
                }
                if (first == slash)
                {
                    if (names.Count > 0)
                    {
                        names.RemoveAt(names.Count - 1);
                    }
                }
                else
                {
                    Count(ref nodes, tag);
                }
                continue;
            }
            // A start tag: its name, then each '=' outside a quoted value is an attribute.
            Count(ref nodes, tag);
            at = tag + 1;
            while (at < xml.Length && !IsNameEnd(xml[at]))
            {
                at++;
            }
            names.Add((tag + 1)..at);
            if (names.Count > NexsisMessageReader.MaxDepth)
            {
                throw new NexsisFormatException($"XML trop imbriqué (plus de {NexsisMessageReader.MaxDepth} niveaux)", $"octet {tag}");
            }
            while (at < xml.Length && xml[at] != gt)
            {
                var c = xml[at];
                if (c == quote || c == apostrophe)
                {
                    var close = xml[(at + 1)..].IndexOf(c);
                    var end = close < 0 ? xml.Length : at + 1 + close;
                    RefuseLong(xml, names, end - at - 1, "(valeur d'attribut)", ref text);
                    at = end + 1;
                    continue;
                }
                if (c == equals)
                {
                    Count(ref nodes, at);
                }
                at++;
            }
            if (xml[at - 1] == slash)
            {
                names.RemoveAt(names.Count - 1);
            }
        }
    }

    private static bool IsNameEnd<T>(T c) where T : unmanaged, IBinaryInteger<T> =>
        uint.CreateTruncating(c) is ' ' or '\t' or '\r' or '\n' or '/' or '>';

    private static void RefuseLong<T>(ReadOnlySpan<T> xml, List<Range> names, int length, string? what, ref long text)
        where T : unmanaged, IBinaryInteger<T>
    {
        text += length;
        if (length <= MaxRawValue)
        {
            if (text > MaxRawText)
            {
                throw TooMuchText(text);
            }
            return;
        }
        var parts = new string[names.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = LocalName(xml[names[i]]);
        }
        var path = string.Join('/', parts);
        if (what is not null)
        {
            path = $"{path} {what}";
        }
        throw new NexsisFormatException(
            $"Champ trop long : {path} (plus de {MaxRawValue.ToString("#,0", FrenchNumbers)} caractères)", $"{path} : {length} caractères ou octets");
    }

    private static string LocalName<T>(ReadOnlySpan<T> name) where T : unmanaged, IBinaryInteger<T>
    {
        var text = typeof(T) == typeof(byte)
            ? System.Text.Encoding.UTF8.GetString(System.Runtime.InteropServices.MemoryMarshal.AsBytes(name))
            : new string(System.Runtime.InteropServices.MemoryMarshal.Cast<T, char>(name));
        return text[(text.IndexOf(':') + 1)..];
    }

    /// <exception cref="NexsisFormatException">Too many values, or a value far too long (depth is bounded by the reader's option).</exception>
    public static void CheckJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = NexsisMessageReader.MaxDepth });
        var path = new List<string>();
        string? property = null;
        var nodes = 0;
        long text = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    Count(ref nodes, reader.TokenStartIndex);
                    path.Add(property ?? "");
                    property = null;
                    break;
                case JsonTokenType.PropertyName:
                    RefuseLong(reader, path, "(nom de propriété)", ref text);
                    Count(ref nodes, reader.TokenStartIndex);
                    property = reader.GetString();
                    break;
                default:
                    RefuseLong(reader, path, property, ref text);
                    Count(ref nodes, reader.TokenStartIndex);
                    property = null;
                    break;
            }
        }
    }

    private static void RefuseLong(Utf8JsonReader reader, List<string> path, string? field, ref long text)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        text += length;
        if (length <= MaxRawValue && text > MaxRawText)
        {
            throw TooMuchText(text);
        }
        if (length > MaxRawValue)
        {
            var where = string.Join('.', path.Append(field ?? "").Where(p => p.Length > 0));
            throw new NexsisFormatException(
                $"Champ trop long : {where} (plus de {MaxRawValue.ToString("#,0", FrenchNumbers)} caractères)", $"{where} : {length} octets");
        }
    }

    private static NexsisFormatException TooMuchText(long text) => new(
        $"Message trop long : plus de {MaxRawText.ToString("#,0", FrenchNumbers)} caractères de texte en tout", $"{text} caractères ou octets de texte");

    private static readonly NumberFormatInfo FrenchNumbers = new() { NumberGroupSeparator = " " };

    private static void Count(ref int nodes, long position)
    {
        if (++nodes > MaxNodes)
        {
            throw new NexsisFormatException(
                $"Message trop complexe (plus de {MaxNodes.ToString("#,0", FrenchNumbers)} éléments, attributs ou valeurs)",
                $"limite atteinte à l'octet {position}");
        }
    }

    private static bool Starts<T>(ReadOnlySpan<T> xml, int at, string text) where T : unmanaged, IBinaryInteger<T>
    {
        if (at + text.Length > xml.Length)
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (xml[at + i] != T.CreateTruncating(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The position just after the next <paramref name="end"/>, or the end of the payload.</summary>
    private static int After<T>(ReadOnlySpan<T> xml, int from, string end) where T : unmanaged, IBinaryInteger<T>
    {
        Span<T> marker = stackalloc T[end.Length];
        for (var i = 0; i < end.Length; i++)
        {
            marker[i] = T.CreateTruncating(end[i]);
        }
        var found = from < xml.Length ? xml[from..].IndexOf(marker) : -1;
        return found < 0 ? xml.Length : from + found + end.Length;
    }
}

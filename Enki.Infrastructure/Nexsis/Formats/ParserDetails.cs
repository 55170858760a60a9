using System.Text.Json;
using System.Xml;

namespace Enki.Infrastructure.Nexsis.Formats;

/// <summary>
/// Where and why a parser stopped, in French for the quarantine screen (the parsers' own messages
/// are in English): the position, and the cause when it is one of the usual ones.
/// </summary>
internal static class ParserDetails
{
    public static string Of(XmlException xml)
    {
        var where = xml.LineNumber > 0 ? $"ligne {xml.LineNumber}, colonne {xml.LinePosition}" : "position inconnue";
        var message = xml.Message;
        var cause = message switch
        {
            _ when message.Contains("Unexpected end of file", StringComparison.OrdinalIgnoreCase) => "fin du document inattendue (message tronqué)",
            _ when message.Contains("DTD", StringComparison.OrdinalIgnoreCase) => "déclaration de type de document (DTD) interdite",
            _ when message.Contains("does not match the end tag", StringComparison.OrdinalIgnoreCase) => "balise fermante qui ne correspond pas à la balise ouvrante",
            _ when message.Contains("encoding", StringComparison.OrdinalIgnoreCase) => "encodage des caractères non pris en charge ou incohérent",
            _ when message.Contains("Data at the root level", StringComparison.OrdinalIgnoreCase) => "contenu inattendu au niveau racine",
            _ when message.Contains("multiple root elements", StringComparison.OrdinalIgnoreCase) => "plusieurs éléments racines",
            _ when message.Contains("invalid character", StringComparison.OrdinalIgnoreCase) => "caractère invalide",
            _ when message.Contains("MaxCharactersInDocument", StringComparison.OrdinalIgnoreCase) => "document trop long",
            _ => "syntaxe XML incorrecte",
        };
        return $"{cause} ({where})";
    }

    public static string Of(JsonException json)
    {
        var where = json.LineNumber is { } line
            ? $"ligne {line + 1}, octet {json.BytePositionInLine + 1}"
            : "position inconnue";
        var message = json.Message;
        var cause = message switch
        {
            _ when message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase) => $"JSON trop imbriqué (plus de {NexsisMessageReader.MaxDepth} niveaux)",
            _ when message.Contains("end of data", StringComparison.OrdinalIgnoreCase)
                   || message.Contains("Expected depth to be zero", StringComparison.OrdinalIgnoreCase) => "fin du document inattendue (message tronqué)",
            _ when message.Contains("invalid start of a value", StringComparison.OrdinalIgnoreCase) => "valeur inattendue",
            _ when message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) => "octets qui ne sont pas de l'UTF-8",
            _ => "syntaxe JSON incorrecte",
        };
        return $"{cause} ({where})";
    }
}

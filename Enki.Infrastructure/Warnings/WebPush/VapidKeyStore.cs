using System.Text.Json;
using Enki.Infrastructure.Hosting;

namespace Enki.Infrastructure.Warnings.WebPush;

/// <summary>
/// Enki's VAPID keys: from <c>Enki:WebPush:PublicKey</c>/<c>PrivateKey</c> when set (several nodes share one pair),
/// else from <c>webpush-vapid.json</c> in the data folder, generated on first start and readable by Enki's user only.
/// A browser subscribed with one public key gets nothing signed with another: keep the file with the database.
/// </summary>
public sealed class VapidKeyStore(EnkiOptions options, DataFolder dataFolder)
{
    public const string FileName = "webpush-vapid.json";

    private readonly Lazy<VapidKeys> _keys = new(() => Load(options.WebPush, dataFolder));

    public VapidKeys Keys => _keys.Value;

    public string PublicKey => Keys.PublicKey;

    private static VapidKeys Load(WebPushOptions settings, DataFolder dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(settings.PublicKey) || !string.IsNullOrWhiteSpace(settings.PrivateKey))
        {
            var configured = new VapidKeys(settings.PublicKey?.Trim() ?? "", settings.PrivateKey?.Trim() ?? "");
            return configured.IsValid()
                ? configured
                : throw new InvalidOperationException("Enki:WebPush:PublicKey et PrivateKey doivent former une paire VAPID P-256 (base64url).");
        }
        var path = dataFolder.File(FileName);
        if (File.Exists(path)) return Read(path);
        var generated = VapidKeys.Generate();
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, file))
        {
            JsonSerializer.Serialize(stream, generated);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another process of this data folder wrote it first: theirs holds
            return Read(path);
        }
        return generated;
    }

    private static VapidKeys Read(string path)
    {
        var keys = JsonSerializer.Deserialize<VapidKeys>(File.ReadAllText(path));
        return keys is not null && keys.IsValid() ? keys : throw new InvalidOperationException($"Clés VAPID illisibles dans {path}.");
    }
}

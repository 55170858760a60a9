using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Warnings.WebPush;

namespace Enki.Tests.Warnings.WebPush;

public sealed class VapidKeyStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "enki-vapid-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Keys_are_generated_once_in_the_data_folder_readable_by_Enki_only()
    {
        var options = new EnkiOptions { DataPath = _folder };

        var first = new VapidKeyStore(options, new DataFolder("/", options)).Keys;
        var restarted = new VapidKeyStore(options, new DataFolder("/", options)).Keys;

        Assert.Equal(first, restarted);
        Assert.True(first.IsValid());
        Assert.Equal(87, first.PublicKey.Length); // 65 bytes in base64url
        var file = Path.Combine(_folder, VapidKeyStore.FileName);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void Configured_keys_shared_by_several_nodes_win_and_a_broken_pair_stops_the_start()
    {
        var shared = VapidKeys.Generate();
        var options = new EnkiOptions { DataPath = _folder, WebPush = { PublicKey = shared.PublicKey, PrivateKey = shared.PrivateKey } };
        Assert.Equal(shared, new VapidKeyStore(options, new DataFolder("/", options)).Keys);
        Assert.False(File.Exists(Path.Combine(_folder, VapidKeyStore.FileName)));

        options.WebPush.PrivateKey = VapidKeys.Generate().PrivateKey; // not the public key's half
        var refused = Assert.Throws<InvalidOperationException>(() => new VapidKeyStore(options, new DataFolder("/", options)).Keys);
        Assert.Equal("Enki:WebPush:PublicKey et PrivateKey doivent former une paire VAPID P-256 (base64url).", refused.Message);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

namespace Enki.Infrastructure.Hosting;

/// <summary>The one folder Enki writes to; created on first use.</summary>
public sealed class DataFolder
{
    public DataFolder(string contentRoot, EnkiOptions options)
    {
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, options.DataPath));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);
}

using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Enki.Tests.Warnings.WebPush;

/// <summary>A browser's side of RFC 8291 (Web Push message encryption) over RFC 8188 (aes128gcm), one record: to read what Enki sent.</summary>
internal static class PushDecryption
{
    public static byte[] Decrypt(byte[] body, ECDiffieHellman uaPrivate, byte[] authSecret)
    {
        // Header: salt (16) | record size (4, big-endian) | key id length (1) | key id = the sender's public point.
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        int idLength = body[20];
        var asPublic = body[21..(21 + idLength)];
        var ciphertext = body[(21 + idLength)..];
        if (idLength != 65 || asPublic[0] != 0x04) throw new CryptographicException("key id is not an uncompressed P-256 point");
        if (ciphertext.Length > recordSize) throw new CryptographicException("more than one record");

        var uaPublic = PublicPoint(uaPrivate);
        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = asPublic[1..33], Y = asPublic[33..65] },
        });
        var ecdhSecret = uaPrivate.DeriveRawSecretAgreement(sender.PublicKey);

        // RFC 8291 §3.4: the auth secret and both public keys go into the input keying material.
        var keyInfo = Concat(Encoding.ASCII.GetBytes("WebPush: info\0"), uaPublic, asPublic);
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, ecdhSecret, 32, authSecret, keyInfo);
        // RFC 8188 §2.2 and §2.3: content encryption key and nonce from the salt.
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0"));
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, Encoding.ASCII.GetBytes("Content-Encoding: nonce\0"));

        var padded = new byte[ciphertext.Length - 16];
        using (var aes = new AesGcm(cek, 16))
        {
            aes.Decrypt(nonce, ciphertext[..^16], ciphertext[^16..], padded); // record 0: the nonce as derived
        }
        // The last record ends with 0x02, then zero padding.
        var end = Array.FindLastIndex(padded, b => b != 0);
        if (end < 0 || padded[end] != 0x02) throw new CryptographicException("last record delimiter missing");
        return padded[..end];
    }

    public static byte[] PublicPoint(ECDiffieHellman key)
    {
        var q = key.ExportParameters(false).Q;
        return Concat([0x04], q.X!, q.Y!);
    }

    public static ECDiffieHellman PrivateKey(string d, string publicPoint)
    {
        var point = Base64Url.DecodeFromChars(publicPoint);
        return ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256, D = Base64Url.DecodeFromChars(d), Q = new ECPoint { X = point[1..33], Y = point[33..65] },
        });
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}

using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace Enki.Infrastructure.Geography;

/// <summary>
/// Decodes commune-outlines.bin (layout documented in tools/geo-data/generate.mjs):
/// varint-encoded, delta-coded quantized coordinates, rings stored without their closing point.
/// </summary>
internal static class CommuneOutlineReader
{
    // Packed doubles: about three times less memory than one Coordinate object per vertex.
    private static readonly GeometryFactory Factory =
        new(new PrecisionModel(), 4326, PackedCoordinateSequenceFactory.DoubleFactory);

    public static Dictionary<string, Geometry> Read(ReadOnlySpan<byte> data)
    {
        var reader = new VarintReader(data);
        var scale = Math.Pow(10, reader.ReadUnsigned());
        var count = reader.ReadUnsigned();
        var outlines = new Dictionary<string, Geometry>(count, StringComparer.Ordinal);
        long x = 0, y = 0;
        for (var c = 0; c < count; c++)
        {
            var code = reader.ReadAscii(5);
            var polygons = new Polygon[reader.ReadUnsigned()];
            for (var p = 0; p < polygons.Length; p++)
            {
                var rings = new LinearRing[reader.ReadUnsigned()];
                for (var r = 0; r < rings.Length; r++)
                {
                    var points = reader.ReadUnsigned();
                    var ordinates = new double[(points + 1) * 2];
                    for (var i = 0; i < points; i++)
                    {
                        x += reader.ReadSigned();
                        y += reader.ReadSigned();
                        ordinates[2 * i] = x / scale;
                        ordinates[2 * i + 1] = y / scale;
                    }

                    ordinates[2 * points] = ordinates[0];
                    ordinates[2 * points + 1] = ordinates[1];
                    rings[r] = Factory.CreateLinearRing(new PackedDoubleCoordinateSequence(ordinates, 2, 0));
                }

                polygons[p] = Factory.CreatePolygon(rings[0], rings[1..]);
            }

            outlines.Add(code, polygons.Length == 1 ? polygons[0] : Factory.CreateMultiPolygon(polygons));
        }

        return outlines;
    }

    private ref struct VarintReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public int ReadUnsigned() => checked((int)ReadVarint());

        public long ReadSigned()
        {
            var zigzag = ReadVarint();
            return (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
        }

        public string ReadAscii(int length)
        {
            var text = System.Text.Encoding.ASCII.GetString(_data.Slice(_position, length));
            _position += length;
            return text;
        }

        private ulong ReadVarint()
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = _data[_position++];
                value |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
        }
    }
}

using System.Buffers.Binary;

namespace Analytics.Dashboards.Charts;

/// <summary>Takes one face out of a TrueType collection (.ttc) as a stand-alone .ttf: its table directory and tables.</summary>
internal static class TrueTypeCollection
{
    public static byte[] ExtractFace(byte[] collection, int index)
    {
        var s = collection.AsSpan();
        if (s.Length < 16 || !s[..4].SequenceEqual("ttcf"u8)) throw new InvalidDataException("Not a TrueType collection (no 'ttcf' header).");
        var faces = (int)BinaryPrimitives.ReadUInt32BigEndian(s[8..]);
        if (index < 0 || index >= faces) throw new ArgumentOutOfRangeException(nameof(index), $"The collection has {faces} faces.");
        var directory = (int)BinaryPrimitives.ReadUInt32BigEndian(s[(12 + 4 * index)..]);
        int tables = BinaryPrimitives.ReadUInt16BigEndian(s[(directory + 4)..]);
        var headerLength = 12 + 16 * tables;
        var records = new (int Offset, int Length)[tables];
        var total = headerLength;
        for (var i = 0; i < tables; i++)
        {
            var record = s[(directory + 12 + 16 * i)..];
            records[i] = ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            total += Padded(records[i].Length);
        }
        var font = new byte[total];
        s.Slice(directory, headerLength).CopyTo(font);
        var position = headerLength;
        for (var i = 0; i < tables; i++)
        {
            s.Slice(records[i].Offset, records[i].Length).CopyTo(font.AsSpan(position));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(12 + 16 * i + 8), (uint)position);
            position += Padded(records[i].Length);
        }
        return font;
    }

    private static int Padded(int length) => (length + 3) & ~3;
}

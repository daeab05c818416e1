using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PolicyCompiler.Tests.Fuzzing;

/// <summary>
/// Mutations of a valid policy, each small enough that most of the file still parses and binds, so that the
/// later stages (emit, documents, the generator) see inputs near the valid ones, where bugs hide.
/// </summary>
internal static class Mutations
{
    public static FuzzInput Mutate(Random random, string folder, string seed, string other)
    {
        var kind = random.Next(6);
        return kind switch
        {
            0 => new FuzzInput(folder, FlipBytes(random, Encoding.UTF8.GetBytes(seed)), "byte flips"),
            1 => Tokens(folder, "token deletion", Delete(random, Fuzzing.Tokens.Of(seed))),
            2 => Tokens(folder, "token duplication", Duplicate(random, Fuzzing.Tokens.Of(seed))),
            3 => Tokens(folder, "token splice", Splice(random, Fuzzing.Tokens.Of(seed), Fuzzing.Tokens.Of(other))),
            4 => Tokens(folder, "token swap", Swap(random, Fuzzing.Tokens.Of(seed))),
            _ => Tokens(folder, "line shuffle", ShuffleLines(random, seed)),
        };
    }

    private static FuzzInput Tokens(string folder, string origin, IEnumerable<string> tokens) =>
        new(folder, Encoding.UTF8.GetBytes(string.Concat(tokens)), origin);

    /// <summary>One to eight bytes set to random values, or single bits flipped: may break UTF-8 on purpose.</summary>
    private static byte[] FlipBytes(Random random, byte[] bytes)
    {
        var flips = random.Next(1, 9);
        for (var i = 0; i < flips; i++)
        {
            var at = random.Next(bytes.Length);
            bytes[at] = random.Next(2) == 0 ? (byte)random.Next(256) : (byte)(bytes[at] ^ (1 << random.Next(8)));
        }
        return bytes;
    }

    private static List<string> Delete(Random random, List<string> tokens)
    {
        var count = random.Next(1, 6);
        for (var i = 0; i < count && tokens.Count > 0; i++)
        {
            var at = random.Next(tokens.Count);
            tokens.RemoveRange(at, Math.Min(random.Next(1, 4), tokens.Count - at));
        }
        return tokens;
    }

    private static List<string> Duplicate(Random random, List<string> tokens)
    {
        var at = random.Next(tokens.Count);
        var length = Math.Min(random.Next(1, 40), tokens.Count - at);
        var copy = tokens.GetRange(at, length);
        tokens.InsertRange(random.Next(tokens.Count + 1), random.Next(4) == 0 ? Enumerable.Repeat(copy, random.Next(2, 50)).SelectMany(t => t) : copy);
        return tokens;
    }

    /// <summary>A run of the other seed's tokens in place of a run of this one's: names and clauses of one policy in the other.</summary>
    private static List<string> Splice(Random random, List<string> tokens, List<string> other)
    {
        var from = random.Next(other.Count);
        var piece = other.GetRange(from, Math.Min(random.Next(1, 60), other.Count - from));
        var at = random.Next(tokens.Count);
        tokens.RemoveRange(at, Math.Min(random.Next(0, 60), tokens.Count - at));
        tokens.InsertRange(at, piece);
        return tokens;
    }

    private static List<string> Swap(Random random, List<string> tokens)
    {
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var (a, b) = (random.Next(tokens.Count), random.Next(tokens.Count));
            (tokens[a], tokens[b]) = (tokens[b], tokens[a]);
        }
        return tokens;
    }

    private static IEnumerable<string> ShuffleLines(Random random, string seed)
    {
        var lines = seed.Split('\n').ToList();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
            (lines[a], lines[b]) = (lines[b], lines[a]);
        }
        return new[] { string.Join("\n", lines) };
    }
}

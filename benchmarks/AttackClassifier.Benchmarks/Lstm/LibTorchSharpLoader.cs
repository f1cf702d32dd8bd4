using System.Buffers.Binary;
using System.Text;

namespace AttackClassifier.Benchmarks.Lstm;

/// <summary>
/// Lets TorchSharp 0.107's native glue load on a Linux whose libstdc++ is older than GCC 13's (Debian 12, this project's
/// machines and CI). libLibTorchSharp.so was built with GCC 13, whose &lt;iostream&gt; leaves one versioned reference,
/// <c>std::ios_base_library_init()@GLIBCXX_3.4.32</c>, in every object that includes it — a reference only: no relocation
/// uses it, so nothing calls it (GCC 13 uses it to pull libstdc++'s own iostream initialisation into the link; with GCC 12's
/// libstdc++ each object still initialises the streams itself). The dynamic loader nevertheless refuses a library whose
/// required version is missing, unless the requirement is flagged weak. <see cref="PrepareBuildOutput"/> sets that flag
/// (VER_FLG_WEAK) on the GLIBCXX_3.4.32 requirement in the copy of the library in this program's build output, before
/// TorchSharp first loads it; the NuGet cache is not touched, and nothing changes where the requirement is met or absent.
/// </summary>
internal static class LibTorchSharpLoader
{
    private const string Library = "libLibTorchSharp.so", MissingVersion = "GLIBCXX_3.4.32";
    private const uint SectionGnuVersionNeeded = 0x6ffffffe;   // SHT_GNU_verneed
    private const ushort VersionFlagWeak = 0x2;                // VER_FLG_WEAK

    /// <summary>Marks the GLIBCXX_3.4.32 requirement of the build output's libLibTorchSharp.so weak; call before any use of TorchSharp.</summary>
    /// <returns>What was done, for the benchmark log.</returns>
    public static string PrepareBuildOutput()
    {
        if (!OperatingSystem.IsLinux()) return "not Linux: nothing to prepare";
        string? path = new[] { Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", Library), Path.Combine(AppContext.BaseDirectory, Library) }
            .FirstOrDefault(File.Exists);
        if (path is null) return $"{Library} not in the build output: left to TorchSharp's own search";
        byte[] elf = File.ReadAllBytes(path);
        if (!MarkVersionWeak(elf, MissingVersion)) return $"{Library}: no strong {MissingVersion} requirement, unchanged";
        // Written beside and moved over, so a process that still maps the old file keeps a consistent copy.
        string temporary = path + ".weak";
        File.WriteAllBytes(temporary, elf);
        File.Move(temporary, path, overwrite: true);
        return $"{Library}: {MissingVersion} requirement marked weak in the build output";
    }

    /// <summary>
    /// Sets VER_FLG_WEAK on every version requirement named <paramref name="version"/> in a little-endian ELF64 image
    /// (System V gABI; the GNU symbol-versioning extension: .gnu.version_r holds Elf64_Verneed entries, each with a chain of
    /// Elf64_Vernaux). Returns whether anything changed.
    /// </summary>
    internal static bool MarkVersionWeak(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
            return false;                                                     // not ELF64 little-endian
        var span = elf.AsSpan();
        long sectionTable = (long)BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]);   // e_shoff
        int sectionSize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);           // e_shentsize
        int sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);          // e_shnum
        bool changed = false;
        for (int s = 0; s < sectionCount; s++)
        {
            var header = span.Slice((int)(sectionTable + s * sectionSize), sectionSize);   // Elf64_Shdr
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != SectionGnuVersionNeeded) continue;
            int offset = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]);    // sh_offset
            int link = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]);      // sh_link: the string table of the names
            int strings = (int)BinaryPrimitives.ReadUInt64LittleEndian(span.Slice((int)(sectionTable + link * sectionSize), sectionSize)[0x18..]);
            for (int need = offset; ;)
            {
                int auxCount = BinaryPrimitives.ReadUInt16LittleEndian(span[(need + 2)..]);           // vn_cnt
                int aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 8)..]);   // vn_aux
                for (int a = 0; a < auxCount; a++)
                {
                    int name = strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 8)..]);   // vna_name
                    int end = span[name..].IndexOf((byte)0);
                    ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(span[(aux + 4)..]);              // vna_flags
                    if (Encoding.ASCII.GetString(span.Slice(name, end)) == version && (flags & VersionFlagWeak) == 0)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(span[(aux + 4)..], (ushort)(flags | VersionFlagWeak));
                        changed = true;
                    }
                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 12)..]);               // vna_next
                }
                uint next = BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 12)..]);                    // vn_next
                if (next == 0) break;
                need += (int)next;
            }
        }
        return changed;
    }
}

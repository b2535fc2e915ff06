/**
 * YARA's modules, in two halves.
 *
 * <p>Schemas: what modules such as {@code pe} offer to conditions, as types the compiler checks
 * rules against ({@link org.exhunt.yara.module.ModuleSchema}, built with
 * {@link org.exhunt.yara.module.StructBuilder}; {@link org.exhunt.yara.module.BuiltinModules}
 * holds {@code math}, {@code hash}, {@code pe}, {@code elf}, {@code dotnet}, {@code time},
 * {@code console} and {@code magic}, each exactly as Debian's yara 4.2.3 declares it).
 *
 * <p>Runtimes: the values a module gives for one scanned buffer
 * ({@link org.exhunt.yara.module.ModuleRuntime}; {@link org.exhunt.yara.module.BuiltinRuntimes}
 * names one per builtin schema). They compute what yara 4.2.3 computes, quirks included, and
 * leave undefined what it leaves undefined:
 * <ul>
 *   <li>{@code math} and {@code hash}: statistics and digests over {@code (offset, size)} or a
 *       string; a range starting outside the data is undefined, one running past the end is cut.</li>
 *   <li>{@code pe} (subpackage {@code pe}): headers, sections, overlay, data directories, rich
 *       header, resources and VS_VERSIONINFO strings, imports (ordinal names of ws2_32, wsock32
 *       and oleaut32; {@code imphash}), delay-load imports, exports, PDB path and Authenticode
 *       signer certificates (read with a small DER reader, not verified, as yara 4.2 does). For data
 *       that is not PE only the constants and {@code is_pe = 0} are defined.</li>
 *   <li>{@code elf}: header, sections with names, segments, dynamic entries, {@code symtab} and
 *       {@code dynsym}; {@code entry_point} as a file offset.</li>
 *   <li>{@code dotnet}: {@code is_dotnet}, {@code version}, stream headers, GUIDs and user
 *       strings; the {@code #~} metadata tables are not read (assembly, references, resources,
 *       typelib, module name, constants and field offsets stay undefined).</li>
 *   <li>{@code time.now()}; {@code console} functions return 1 without printing; {@code magic}
 *       is undefined (it would need libmagic's database; Debian's yara has it, so rules that use
 *       it do not match here).</li>
 * </ul>
 * Runtimes never throw on hostile data and bound their work (at most 96 sections, 16384 imports
 * and exports, 65537 resources, a bounded resource walk).
 */
package org.exhunt.yara.module;

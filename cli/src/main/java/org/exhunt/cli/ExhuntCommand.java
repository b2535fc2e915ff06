package org.exhunt.cli;

import picocli.CommandLine.Command;

@Command(name = "exhunt",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Finds, explains and helps contain compromises of on-premises Microsoft Exchange servers.",
        subcommands = {ScanCommand.class, RulesCommand.class, EvtxCommand.class, YaraCommand.class, ExposureCommand.class,
                IntelCommand.class, QuarantineCommand.class, RestoreCommand.class, ServeCommand.class, TokenCommand.class,
                UploadCommand.class},
        footer = {"", "Exit codes: 0 nothing at or above the fail level, 1 findings, 2 usage or fatal error."})
final class ExhuntCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: scan, rules, evtx, yara, exposure, intel, quarantine, restore, serve, token or upload");
    }
}

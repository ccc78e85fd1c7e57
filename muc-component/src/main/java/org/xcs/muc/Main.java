package org.xcs.muc;

import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.xcs.common.cli.Cli;
import org.xcs.common.cli.CommonOptions;
import org.xcs.common.launch.ComponentLauncher;
import org.xcs.muc.service.MucSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "xcs-muc", description = "Multi-User Chat service: an XEP-0114 external component for Prosody, ejabberd or Openfire.",
        sortOptions = false)
public final class Main implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    MucOptions muc;

    /** Runs the component from the parsed options; the real launcher, or a recorder in tests. */
    private final BiFunction<CommonOptions, MucSettings, Integer> launch;

    public Main() {
        this((common, settings) -> new ComponentLauncher(common, new MucModule(settings), System.err).run());
    }

    Main(BiFunction<CommonOptions, MucSettings, Integer> launch) {
        this.launch = launch;
    }

    public static void main(String[] args) {
        System.exit(Cli.run(new Main(), args));
    }

    @Override
    public Integer call() {
        return launch.apply(common, muc.settings(common.domain()));
    }
}

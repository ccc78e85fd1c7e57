package org.xcs.pubsub;

import java.util.concurrent.Callable;
import org.xcs.common.cli.Cli;
import org.xcs.common.cli.CommonOptions;
import org.xcs.common.launch.ComponentLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "xcs-pubsub", description = "Publish-Subscribe service: an XEP-0114 external component for Prosody, ejabberd or Openfire.",
        sortOptions = false)
public final class Main implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    PubSubOptions pubsub;

    public static void main(String[] args) {
        System.exit(Cli.run(new Main(), args));
    }

    @Override
    public Integer call() {
        return new ComponentLauncher(common, new PubSubModule(pubsub, PubSubModule::pepCore,
                common.maxStanzaSize()), System.err).run();
    }
}

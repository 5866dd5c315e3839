package dev.quintet.platform.cli;

import java.util.Comparator;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The command line in the same jar as the server: {@code quintet <service> <command> ...}.
 * Each service contributes one picocli {@link Command} bean; they meet here under one root.
 * The commands run on the same beans as the server (repositories, migrations), without the web server.
 */
public final class QuintetCli {

    private QuintetCli() {
    }

    /** A first argument that is not an option ({@code cars}, {@code help}) or asks for help means the CLI. */
    public static boolean isCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return !first.startsWith("-") || first.equals("-h") || first.equals("--help");
    }

    public static int run(Class<?> application, String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // only the beans a command asks for are made; startup stays short
                .lazyInitialization(true)
                .properties("logging.level.root=WARN", "logging.level.dev.quintet=WARN")
                .run()) {
            return commandLine(context).execute(args);
        }
    }

    /** The root command with every service's command under it; tests call it to run commands in-process. */
    public static CommandLine commandLine(ApplicationContext context) {
        CommandLine root = new CommandLine(new Root());
        context.getBeansWithAnnotation(Command.class).values().stream()
                .sorted(Comparator.comparing(bean -> bean.getClass().getSimpleName()))
                .forEach(root::addSubcommand);
        return root;
    }

    @Command(name = "quintet", mixinStandardHelpOptions = true, version = "Quintet 0.1",
            description = "Manage Quintet's services from the command line.",
            subcommands = CommandLine.HelpCommand.class)
    static final class Root implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }
}

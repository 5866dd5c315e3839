package dev.quintet.shop;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quintet shop ...}: fill collections with fake users, count them, against this instance's database. */
@Component
@Command(name = "shop", description = "Manage the shop's users in collections.", mixinStandardHelpOptions = true)
class ShopCommand implements Runnable {

    private static final List<String> FIRST = List.of("anna", "boris", "chloe", "dmitri", "elena", "farid", "greta",
            "hiro", "ines", "jonas", "katya", "lars", "maria", "nikolai", "olga", "pavel", "quinn", "rosa", "sven", "tanya");

    private final Shop shop;

    @Spec
    CommandSpec spec;

    ShopCommand(Shop shop) {
        this.shop = shop;
    }

    @Override
    public void run() {
        spec.commandLine().usage(out());
    }

    @Command(name = "fake", description = "Add COUNT fake users ({age, name}) to COLLECTION, creating it if new.")
    int fake(@Parameters(index = "0", paramLabel = "COLLECTION") String collection,
             @Parameters(index = "1", paramLabel = "COUNT") long count,
             @Option(names = "--seed", defaultValue = "1", description = "the same seed makes the same users") long seed,
             @Option(names = "--batch", defaultValue = "1000", description = "users per insert batch") int batchSize,
             @Option(names = "--names", description = "name the users PREFIX0, PREFIX1, ... (default: plausible names)")
             String prefix) {
        Optional<String> problem = CollectionNames.problem(collection);
        if (problem.isPresent() || count < 0 || batchSize < 1) {
            spec.commandLine().getErr().println(problem.orElse("COUNT must be >= 0 and --batch >= 1"));
            return 2;
        }
        long before = shop.count(collection);
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("fake users").setInitialMax(count)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" users", 1).showSpeed().continuousUpdate().build()) {
            List<NewUser> batch = new ArrayList<>(batchSize);
            for (long i = 0; i < count; i++) {
                String first = FIRST.get(random.nextInt(FIRST.size()));
                batch.add(new NewUser((long) (16 + random.nextInt(75)), (prefix != null ? prefix : first) + (before + i)));
                if (batch.size() == batchSize) {
                    shop.addAll(collection, batch);
                    bar.stepBy(batch.size());
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                shop.addAll(collection, batch);
                bar.stepBy(batch.size());
            }
        }
        out().printf("inserted %d users into %s, which now holds %d%n", count, collection, shop.count(collection));
        return 0;
    }

    @Command(name = "count", description = "Print every collection with its number of users.")
    int count() {
        PrintWriter out = out();
        shop.collections().forEach((name, n) -> out.printf("%-64s %d%n", name, n));
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}

package dev.quintet.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.platform.cli.QuintetCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** {@code quintet shop ...}, run in-process on the same beans the jar's CLI uses. */
@SpringBootTest
class ShopCommandTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Shop shop;

    @Test
    void fakeAddsUsersInBatchesAndTheListSeesThemAtOnce() {
        assertThat(shop.users("fakes", 0, 1000)).isEmpty(); // cached as empty
        Run run = run("shop", "fake", "fakes", "2500", "--batch", "1000");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("inserted 2500 users into fakes, which now holds 2500");
        assertThat(shop.count("fakes")).isEqualTo(2500);
        assertThat(shop.users("fakes", 0, 1000)).hasSize(1000)
                .allSatisfy(u -> assertThat(u.age()).isBetween(16L, 90L));
        assertThat(run("shop", "fake", "fakes", "5").exit()).isZero();
        assertThat(shop.count("fakes")).isEqualTo(2505);
        assertThat(run("shop", "fake", "named", "3", "--names", "user").exit()).isZero();
        assertThat(shop.users("named", 0, 10)).extracting(User::name).containsExactly("user0", "user1", "user2");
        assertThat(run("shop", "count").out()).containsPattern("fakes\\s+2505").containsPattern("helloDoc\\s+1000");
    }

    @Test
    void fakeRefusesAReservedOrMalformedCollection() {
        Run reserved = run("shop", "fake", "api", "3");
        assertThat(reserved.exit()).isEqualTo(2);
        assertThat(reserved.err()).contains("'api' cannot name a collection");
        assertThat(run("shop", "fake", "a.b", "3").exit()).isEqualTo(2);
        assertThat(shop.collections()).doesNotContainKeys("api", "a.b");
    }

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        var cli = QuintetCli.commandLine(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}

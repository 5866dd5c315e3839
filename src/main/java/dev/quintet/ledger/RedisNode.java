package dev.quintet.ledger;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Redis node and the ledger's layout in it. Under the prefix {@code quintet:ledger:}:
 * {@code r:<name>} is a hash timestamp → author (the name's versions), {@code names} the set of names,
 * {@code position} the last log position applied. Changes go through Lua scripts, which Redis runs
 * atomically: the versions and the position move together, an entry at or below the position is
 * skipped (applying twice is impossible), and an entry that does not follow the position is refused
 * (nothing can be skipped either). Keys outside the prefix are never touched.
 */
final class RedisNode implements AutoCloseable {

    static final String PREFIX = "quintet:ledger:";
    static final String POSITION = PREFIX + "position";
    static final String NAMES = PREFIX + "names";
    static final String RECORD = PREFIX + "r:";

    /** ARGV: groups of (position, kind, name, ts, author); returns the position after the batch. */
    private static final Script APPLY = new Script("""
            local pos = tonumber(redis.call('GET', KEYS[1]) or '0')
            local last = nil
            for i = 1, #ARGV, 5 do
              local p = tonumber(ARGV[i])
              if p > pos then
                if p ~= pos + 1 then
                  return redis.error_reply('LEDGERGAP node at ' .. pos .. ', entry ' .. ARGV[i])
                end
                local key = KEYS[3] .. ARGV[i + 2]
                if ARGV[i + 1] == 'u' then
                  redis.call('HSET', key, ARGV[i + 3], ARGV[i + 4])
                  redis.call('SADD', KEYS[2], ARGV[i + 2])
                else
                  redis.call('DEL', key)
                  redis.call('SREM', KEYS[2], ARGV[i + 2])
                end
                pos = p
                last = ARGV[i]
              end
            end
            if last then redis.call('SET', KEYS[1], last) end
            return redis.call('GET', KEYS[1]) or '0'
            """);

    /** ARGV: name; returns {position or -1, ts1, author1, ...} read atomically. */
    private static final Script READ = new Script("""
            local pos = redis.call('GET', KEYS[1]) or '-1'
            local fields = redis.call('HGETALL', KEYS[3] .. ARGV[1])
            table.insert(fields, 1, pos)
            return fields
            """);

    /** Returns {position or -1, name1, n1, ts, author, ..., name2, n2, ...}: everything, atomically. */
    private static final Script DUMP = new Script("""
            local out = {redis.call('GET', KEYS[1]) or '-1'}
            for _, name in ipairs(redis.call('SMEMBERS', KEYS[2])) do
              local fields = redis.call('HGETALL', KEYS[3] .. name)
              table.insert(out, name)
              table.insert(out, tostring(#fields / 2))
              for _, f in ipairs(fields) do table.insert(out, f) end
            end
            return out
            """);

    /** ARGV: name, then ts, author pairs: replaces the name's versions (none → the name is gone). */
    private static final Script REPLACE = new Script("""
            local key = KEYS[3] .. ARGV[1]
            redis.call('DEL', key)
            if #ARGV > 1 then
              for i = 2, #ARGV, 2 do redis.call('HSET', key, ARGV[i], ARGV[i + 1]) end
              redis.call('SADD', KEYS[2], ARGV[1])
            else
              redis.call('SREM', KEYS[2], ARGV[1])
            end
            return 1
            """);

    private static final String[] KEYS = {POSITION, NAMES, RECORD};

    final String url;
    /** The address as logs, the status endpoint and the console show it: without its password. */
    final String shown;
    private final String password;
    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private volatile StatefulRedisConnection<String, String> connection;
    /** The connection attempt under way, shared by every caller; guarded by "this". */
    private CompletableFuture<StatefulRedisConnection<String, String>> connecting;
    private boolean closed;

    RedisNode(String url, ClientResources resources, Duration timeout) {
        this.url = url;
        this.shown = shown(url);
        this.uri = RedisURI.create(url);
        this.timeout = timeout;
        String user = userPart(url);
        this.password = user == null || user.isEmpty() ? null : user.substring(user.indexOf(':') + 1);
        uri.setTimeout(timeout);
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // a node that is down must fail fast: the delivery loop backs off, reads go elsewhere
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    /** The address with the password of its user part masked: redis://user:****@host:port. */
    static String shown(String url) {
        String user = userPart(url);
        if (user == null) {
            return url;
        }
        int colon = user.indexOf(':');
        // redis://secret@host is a password alone, as Lettuce reads it
        String masked = colon < 0 ? "****" : user.substring(0, colon + 1) + "****";
        int scheme = url.indexOf("://") + 3;
        return url.substring(0, scheme) + masked + url.substring(scheme + user.length());
    }

    /** What comes between {@code scheme://} and {@code @host}, or null when there is no such part. */
    private static String userPart(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int path = url.indexOf('/', scheme + 3);
        int at = url.lastIndexOf('@', path < 0 ? url.length() : path);
        return at < scheme + 3 ? null : url.substring(scheme + 3, at);
    }

    /** The text with this node's password masked: an error message may quote the address. */
    String scrub(String text) {
        return text == null ? null : password == null ? text.replace(url, shown) : text.replace(password, "****");
    }

    /** The host of a node address (checked by {@link #normalise}). */
    static String host(String url) {
        return RedisURI.create(url).getHost();
    }

    /** Checks a node address; throws IllegalArgumentException naming the problem. */
    static String normalise(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a node address is required, e.g. redis://127.0.0.1:6379");
        }
        String trimmed = url.trim();
        if (!trimmed.startsWith("redis://") && !trimmed.startsWith("rediss://")) {
            throw new IllegalArgumentException("a node address starts with redis:// or rediss://, got '" + shown(trimmed) + "'");
        }
        try {
            RedisURI uri = RedisURI.create(trimmed);
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new IllegalArgumentException("no host in '" + shown(trimmed) + "'");
            }
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? "" : " (" + e.getMessage().replace(trimmed, shown(trimmed)) + ")";
            throw new IllegalArgumentException("not a Redis address: '" + shown(trimmed) + "'" + why);
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /**
     * The connection, connecting first if need be: waits at most {@code timeout} and never under a lock.
     * (RedisClient.connect() waits with no deadline of its own: in a cold process the first connection
     * took seconds, holding the delivery threads while their leases ran out and another instance took over.)
     * An attempt that outlasts the wait goes on and is kept when it succeeds; a later call waits for it
     * rather than starting another.
     */
    private RedisCommands<String, String> redis() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            return c.sync();
        }
        CompletableFuture<StatefulRedisConnection<String, String>> attempt;
        synchronized (this) {
            if (closed) {
                throw new RedisConnectionException("node " + shown + " is closed");
            }
            if (connection != null) {
                return connection.sync();
            }
            if (connecting == null) {
                // connectAsync itself runs for seconds in a cold process (measured 2-2.5 s: class loading, the
                // event loops starting) before it returns a future; it starts on a thread of its own
                CompletableFuture<StatefulRedisConnection<String, String>> started = CompletableFuture
                        .supplyAsync(() -> client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture(),
                                task -> Thread.ofVirtual().name("ledger-connect").start(task))
                        .thenCompose(future -> future);
                connecting = started;
                // (an attempt that is complete already runs this at once, on this thread: hence "started" below)
                started.whenComplete((made, failure) -> connected(started, made));
                attempt = started;
            } else {
                attempt = connecting;
            }
        }
        try {
            return attempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS).sync();
        } catch (TimeoutException e) {
            throw new RedisConnectionException("no connection to " + shown + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new RedisConnectionException(scrub(String.valueOf(cause)), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisConnectionException("interrupted while connecting to " + shown);
        }
    }

    /** An attempt ended: keep its connection (or close it, when the node was closed meanwhile). */
    private void connected(CompletableFuture<StatefulRedisConnection<String, String>> attempt,
                           StatefulRedisConnection<String, String> made) {
        boolean discard;
        synchronized (this) {
            if (connecting == attempt) {
                connecting = null;
            }
            discard = made != null && closed;
            if (made != null && !closed) {
                connection = made;
            }
        }
        if (discard) {
            made.closeAsync();
        }
    }

    /** The last position applied, or -1 when the node holds no copy. */
    long position() {
        String value = redis().get(POSITION);
        return value == null ? -1 : Long.parseLong(value);
    }

    /** Applies entries in order, skipping those applied already; returns the node's position after. */
    long apply(List<LogEntry> entries) {
        String[] args = new String[entries.size() * 5];
        int i = 0;
        for (LogEntry e : entries) {
            args[i++] = Long.toString(e.position());
            args[i++] = String.valueOf(e.kind());
            args[i++] = e.name();
            args[i++] = Long.toString(e.ts());
            args[i++] = e.author() == null ? "" : e.author();
        }
        return Long.parseLong((String) run(APPLY, ScriptOutputType.VALUE, args));
    }

    /** The versions of one name and the position they reflect, read atomically. */
    record Read(long position, TreeMap<Long, String> versions) {
    }

    Read read(String name) {
        List<?> reply = (List<?>) run(READ, ScriptOutputType.MULTI, name);
        TreeMap<Long, String> versions = new TreeMap<>();
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            versions.put(Long.parseLong((String) reply.get(i)), (String) reply.get(i + 1));
        }
        return new Read(Long.parseLong((String) reply.get(0)), versions);
    }

    /** Every record on the node and the position they reflect, read atomically. */
    record Dump(long position, TreeMap<String, TreeMap<Long, String>> records) {
    }

    Dump dump() {
        List<?> reply = (List<?>) run(DUMP, ScriptOutputType.MULTI);
        TreeMap<String, TreeMap<Long, String>> records = new TreeMap<>();
        int i = 1;
        while (i < reply.size()) {
            String name = (String) reply.get(i);
            int n = Integer.parseInt((String) reply.get(i + 1));
            TreeMap<Long, String> versions = new TreeMap<>();
            for (int k = 0; k < n; k++) {
                versions.put(Long.parseLong((String) reply.get(i + 2 + 2 * k)), (String) reply.get(i + 3 + 2 * k));
            }
            records.put(name, versions);
            i += 2 + 2 * n;
        }
        return new Dump(Long.parseLong((String) reply.get(0)), records);
    }

    /** Names whose record key exists, found by SCAN (keys the names set may not list). */
    List<String> recordKeys() {
        List<String> names = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis().scan(cursor, ScanArgs.Builder.matches(RECORD + "*").limit(1000));
            page.getKeys().forEach(k -> names.add(k.substring(RECORD.length())));
            cursor = page;
        } while (!cursor.isFinished());
        return names;
    }

    /** Replaces one name's versions with the given ones (empty: removes the name). */
    void replace(String name, Map<Long, String> versions) {
        List<String> args = new ArrayList<>();
        args.add(name);
        versions.forEach((ts, author) -> {
            args.add(Long.toString(ts));
            args.add(author);
        });
        run(REPLACE, ScriptOutputType.INTEGER, args.toArray(String[]::new));
    }

    /** Full copy, step 1: forget the position (a copy cut short starts again), drop every ledger key. */
    void clear() {
        redis().del(POSITION);
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis().scan(cursor, ScanArgs.Builder.matches(PREFIX + "*").limit(1000));
            keys.addAll(page.getKeys());
            cursor = page;
            if (keys.size() >= 1000) {
                redis().unlink(keys.toArray(String[]::new));
                keys.clear();
            }
        } while (!cursor.isFinished());
        if (!keys.isEmpty()) {
            redis().unlink(keys.toArray(String[]::new));
        }
    }

    /** Full copy, step 3: the copy is complete and reflects the log up to {@code position}. */
    void setPosition(long position) {
        redis().set(POSITION, Long.toString(position));
    }

    void ping() {
        redis().ping();
    }

    private Object run(Script script, ScriptOutputType type, String... args) {
        RedisCommands<String, String> redis = redis();
        try {
            return redis.evalsha(script.sha, type, KEYS, args);
        } catch (RedisNoScriptException e) {
            // the node restarted (or never saw the script): send the text once, it is cached from then on
            return redis.eval(script.text, type, KEYS, args);
        }
    }

    @Override
    public void close() {
        try {
            // bounded: a node that never answers must not hold up whoever closes it
            closeAsync().get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closing is best effort: the client's threads are shared and stop with the process
        }
    }

    /** Closes the connection and the client without waiting, so many nodes close at once. */
    CompletableFuture<Void> closeAsync() {
        StatefulRedisConnection<String, String> c;
        synchronized (this) {
            closed = true;
            c = connection;
        }
        CompletableFuture<Void> closed = c == null ? CompletableFuture.completedFuture(null) : c.closeAsync();
        return closed.exceptionally(e -> null)
                .thenCompose(done -> client.shutdownAsync(0, 2, TimeUnit.SECONDS))
                .exceptionally(e -> null);
    }

    private record Script(String text, String sha) {
        Script(String text) {
            this(text, sha1(text));
        }

        private static String sha1(String text) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

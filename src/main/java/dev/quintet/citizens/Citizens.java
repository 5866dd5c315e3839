package dev.quintet.citizens;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The citizens service's public face, used by its controller and the console. Every write runs in one
 * transaction; reads of several tables run in a repeatable-read one, so a PATCH in between cannot show
 * one side of a relation without the other.
 */
@Service
public class Citizens {

    /** Stripes of the in-process lock that queues PATCHes of one import before they reach the database. */
    private static final int STRIPES = 64;

    private final CitizenRepository repository;
    private final Clock clock;
    private final TransactionTemplate write;
    private final TransactionTemplate read;
    private final ReentrantLock[] patchLocks = new ReentrantLock[STRIPES];

    Citizens(CitizenRepository repository, @Qualifier("citizensClock") Clock clock,
             PlatformTransactionManager transactions) {
        this.repository = repository;
        this.clock = clock;
        this.write = new TransactionTemplate(transactions);
        this.read = new TransactionTemplate(transactions);
        read.setReadOnly(true);
        read.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        for (int i = 0; i < STRIPES; i++) {
            patchLocks[i] = new ReentrantLock();
        }
    }

    /** Today's date in UTC: the task's "today" for birth dates and ages. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * Validates and stores an import; returns its id.
     *
     * @throws InvalidCitizen naming the field and the citizen when anything is invalid; nothing is stored then
     */
    public long importCitizens(List<Citizen> citizens) {
        if (citizens == null) {
            throw new InvalidCitizen("citizens", null, "is missing or null");
        }
        CitizenRules.checkImport(citizens, today());
        return write.execute(tx -> repository.insertImport(citizens));
    }

    public List<ImportSummary> imports() {
        return repository.imports();
    }

    /** @return whether there was such an import */
    public boolean delete(long importId) {
        return Boolean.TRUE.equals(underImportLock(importId, () -> write.execute(tx -> repository.deleteImport(importId))));
    }

    public List<Citizen> citizens(long importId) {
        return read(importId, () -> repository.citizens(importId));
    }

    /** A page of an import's citizens and how many it holds in all. */
    public record CitizenPage(List<Citizen> citizens, int total) {
    }

    /** The citizens from {@code offset}, at most {@code limit} of them, in citizen_id order: for browsing a large import. */
    public CitizenPage citizens(long importId, long offset, int limit) {
        return read(importId, () -> new CitizenPage(repository.citizens(importId, Math.max(0, offset), Math.max(1, limit)),
                repository.citizenCount(importId)));
    }

    /** Presents bought in each month 1..12 over the whole import (the sum of {@link #birthdays} per month). */
    public List<Integer> presentsPerMonth(long importId) {
        return read(importId, () -> repository.presentsPerMonth(importId));
    }

    /**
     * Applies a PATCH body to one citizen; a change of relatives changes the other sides too.
     * PATCHes of one import run one at a time: in this process behind a striped lock (so an embedded H2,
     * whose lock wait is short, never sees them contend), and across processes behind a row lock on the
     * import, so the relation stays symmetric however many arrive at once.
     */
    public Citizen patch(long importId, int citizenId, JsonNode body) {
        CitizenPatch patch = CitizenPatch.parse(body, citizenId, today());
        return underImportLock(importId, () -> write.execute(tx -> {
            if (!repository.lockImport(importId)) {
                throw new UnknownImport(importId);
            }
            if (repository.citizen(importId, citizenId).isEmpty()) {
                throw new UnknownCitizen(importId, citizenId);
            }
            // the ids are distinct and never the citizen's own, so more of them than the import's other
            // citizens cannot all exist: refused on the count, before any list of them reaches the database
            int others = repository.citizenCount(importId) - 1;
            if (patch.relatives() != null && patch.relatives().size() > others) {
                throw new InvalidCitizen("relatives", citizenId, "lists " + patch.relatives().size()
                        + " citizens, but import " + importId + " has only " + others + " besides this one");
            }
            repository.update(importId, citizenId, patch);
            if (patch.relatives() != null) {
                changeRelatives(importId, citizenId, patch.relatives());
            }
            return repository.citizen(importId, citizenId).orElseThrow();
        }));
    }

    private <T> T underImportLock(long importId, Supplier<T> work) {
        ReentrantLock lock = patchLocks[Math.floorMod(Long.hashCode(importId), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private void changeRelatives(long importId, int citizenId, List<Integer> wanted) {
        Set<Integer> found = new HashSet<>(repository.existing(importId, wanted));
        for (int i = 0; i < wanted.size(); i++) {
            if (!found.contains(wanted.get(i))) {
                throw new InvalidCitizen("relatives[" + i + "]", citizenId,
                        "names " + wanted.get(i) + ", who is not in import " + importId);
            }
        }
        Set<Integer> before = new HashSet<>(repository.relatives(importId, citizenId));
        List<Integer> removed = before.stream().filter(r -> !found.contains(r)).sorted().toList();
        List<Integer> added = wanted.stream().filter(r -> !before.contains(r)).sorted().toList();
        repository.unlink(importId, citizenId, removed);
        repository.link(importId, citizenId, added);
    }

    /**
     * For each month "1".."12" (all present), the citizens with relatives born in it and how many:
     * a citizen buys each relative one present in the relative's birth month.
     */
    public Map<String, List<Presents>> birthdays(long importId) {
        List<CitizenRepository.Presents> rows = read(importId, () -> repository.presents(importId));
        Map<String, List<Presents>> months = new LinkedHashMap<>();
        for (int month = 1; month <= 12; month++) {
            months.put(String.valueOf(month), new ArrayList<>());
        }
        for (var row : rows) {
            months.get(String.valueOf(row.month())).add(new Presents(row.citizenId(), row.count()));
        }
        return months;
    }

    /** p50, p75 and p99 of the ages (full years at today's UTC date) per town, towns in alphabetical order. */
    public List<TownPercentiles> agePercentiles(long importId) {
        var births = read(importId, () -> repository.townBirths(importId));
        return AgeStatistics.byTown(births, today());
    }

    private <T> T read(long importId, Supplier<T> query) {
        return read.execute(tx -> {
            if (!repository.importExists(importId)) {
                throw new UnknownImport(importId);
            }
            return query.get();
        });
    }
}

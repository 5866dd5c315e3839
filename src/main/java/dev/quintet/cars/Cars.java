package dev.quintet.cars;

import java.util.List;
import java.util.Optional;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The cars service's public face, used by its controller, its CLI and the console.
 * Single-car reads go through the {@value #CACHE} near cache: a stored car never changes, so an entry
 * is only ever stale after {@link #dropAll()}, which clears it (another process's drop is seen once the
 * entry expires; see {@code spring.cache.caffeine.spec}). Misses are not cached, so a car stored
 * through another instance is found at once.
 */
@Service
public class Cars {

    static final String CACHE = "cars";

    /** The largest page {@link #page} returns. */
    public static final int MAX_PAGE = 1000;

    private final CarRepository repository;

    Cars(CarRepository repository) {
        this.repository = repository;
    }

    @Cacheable(cacheNames = CACHE, unless = "#result == null")
    public Optional<Car> find(long serial) {
        return repository.find(serial);
    }

    /** @throws DuplicateKeyException when a car with that serial is stored already */
    @CachePut(cacheNames = CACHE, key = "#car.serialNumber()")
    public Car add(Car car) {
        repository.insert(car);
        return car;
    }

    /** Up to {@code limit} cars whose serial is greater than {@code after}, in serial order. */
    public List<Car> page(long after, int limit) {
        return repository.page(after, Math.min(limit, MAX_PAGE));
    }

    public long count() {
        return repository.count();
    }

    @CacheEvict(cacheNames = CACHE, allEntries = true)
    public int dropAll() {
        return repository.deleteAll();
    }
}

package dev.quintet.shop;

import java.io.Serializable;

/**
 * A stored user, as the original answered it: {@code id} is a string (it was a MongoDB ObjectId there,
 * here the decimal row id, which also serves as the paging cursor), then {@code age} and {@code name}.
 * Serializable because the cache may keep it in Redis.
 */
record User(String id, long age, String name) implements Serializable {
}

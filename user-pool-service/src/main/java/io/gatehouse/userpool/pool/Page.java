package io.gatehouse.userpool.pool;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextToken the opaque token for the next page, or null on the last page
 */
public record Page<T>(List<T> items, String nextToken) {
}

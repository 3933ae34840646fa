package dev.grid.core;

import java.util.List;
import java.util.Map;

/**
 * One page of a query's matching entries in key order ({@link GridMap#queryPage(GridPredicate, int, Object)}).
 * The next page starts after {@link #lastKey()}: pages never repeat an entry, and an entry written between
 * pages shows up in a later page if its key sorts after the last key already returned.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param entries the page's entries, in key order
 * @param hasNext whether more entries matched after this page's last key when it was read
 * @since 0.3
 */
public record GridPage<K, V>(List<Map.Entry<K, V>> entries, boolean hasNext) {
    public GridPage {
        entries = List.copyOf(entries);
    }

    /** @return the key of the page's last entry (pass it to get the next page), or null if the page is empty */
    public K lastKey() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).getKey();
    }
}

package dev.grid.core.impl.map.tx;

/** Argument checks of the transactional view, shared by the member and the client proxy: errors name the map and the call. */
public final class TxnArguments {
    private TxnArguments() {
    }

    /** @throws NullPointerException naming the map and the call if the key is null */
    public static <T> T requireKey(String map, T key, String call) {
        if (key == null) {
            throw new NullPointerException("GridMap '" + map + "': transactional " + call + " needs a key, got null");
        }
        return key;
    }

    /** @throws NullPointerException naming the map, the call and the argument if the value is null */
    public static <T> T requireValue(String map, T value, String argument, String call) {
        if (value == null) {
            throw new NullPointerException("GridMap '" + map + "': transactional " + call + " needs a " + argument
                    + ", got null (a transaction removes a key with remove or delete)");
        }
        return value;
    }
}

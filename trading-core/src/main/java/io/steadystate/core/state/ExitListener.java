package io.steadystate.core.state;

/** Clean-up hook: called once for every entry that leaves a store, whatever the way out. */
@FunctionalInterface
public interface ExitListener<K, V> {

    void onExit(K key, V value, ExitCause cause);

    static <K, V> ExitListener<K, V> none() {
        return (k, v, c) -> {};
    }
}

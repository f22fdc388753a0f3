package io.steadystate.core.serde;

import java.nio.ByteBuffer;

/**
 * Binary layout of one record type at its current schema version. Evolution rule: fields are only appended;
 * {@link #read} handles every version from 1 to {@link #version()}, and a reader meets a newer version with
 * {@link UndecodableRecordException.Reason#UNKNOWN_VERSION} (deploy readers before writers).
 */
interface Codec<T> {

    Class<T> type();

    /** Wire tag of the type, unique across all topics. */
    byte tag();

    byte version();

    /** Exact body size in bytes, so the serializer allocates one array of the right length. */
    int size(T value);

    void write(T value, ByteBuffer out);

    T read(byte version, ByteBuffer in);
}

package io.steadystate.core.serde;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Field encodings shared by the codecs: big-endian primitives, length-prefixed UTF-8, one-byte enums. */
final class Wire {

    static final byte MAGIC = 0x53; // 'S'
    static final int HEADER = 3;    // magic, type tag, schema version
    static final int MAX_STRING = 4096;

    private Wire() {
    }

    static int stringSize(String s) {
        return 2 + utf8Length(s);
    }

    static void putString(ByteBuffer out, String s) {
        int len = utf8Length(s);
        out.putShort((short) len);
        if (len == s.length()) {
            for (int i = 0; i < len; i++) {
                out.put((byte) s.charAt(i));
            }
        } else {
            out.put(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String getString(ByteBuffer in) {
        int len = Short.toUnsignedInt(in.getShort());
        if (len > MAX_STRING) {
            throw new UndecodableRecordException(UndecodableRecordException.Reason.INVALID_VALUE,
                    "string of " + len + " bytes exceeds " + MAX_STRING);
        }
        if (len > in.remaining()) {
            throw new java.nio.BufferUnderflowException();
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), len, StandardCharsets.UTF_8);
        in.position(in.position() + len);
        return s;
    }

    static <E extends Enum<E>> E getEnum(ByteBuffer in, E[] values, String field) {
        int ordinal = Byte.toUnsignedInt(in.get());
        if (ordinal >= values.length) {
            throw new UndecodableRecordException(UndecodableRecordException.Reason.INVALID_VALUE,
                    field + " ordinal " + ordinal + " unknown (known: 0.." + (values.length - 1) + ")");
        }
        return values[ordinal];
    }

    static boolean getBoolean(ByteBuffer in) {
        return in.get() != 0;
    }

    private static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }
}

package io.steadystate.core.serde;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Field encodings shared by the codecs: big-endian primitives, length-prefixed UTF-8, one-byte enums.
 *
 * <p>The writer refuses exactly what the reader refuses: a string longer than {@link #MAX_STRING} UTF-8 bytes (one
 * constant for both sides; the length prefix could say 65,535, and a longer string used to wrap it silently), and
 * text that is not valid Unicode (an unpaired surrogate, which UTF-8 cannot carry, on the way out; malformed UTF-8
 * on the way in) — where either side used to substitute '?' or U+FFFD and hand on a different string.
 */
final class Wire {

    static final byte MAGIC = 0x53; // 'S'
    static final int HEADER = 3; // magic, type tag, schema version
    /** The longest string, in UTF-8 bytes, a reader accepts, and so the longest a writer may write. */
    static final int MAX_STRING = 4096;

    private Wire() {}

    static int stringSize(String s) {
        return 2 + checkedLength(s);
    }

    static void putString(ByteBuffer out, String s) {
        int len = checkedLength(s);
        out.putShort((short) len); // len <= MAX_STRING < 65,536: the unsigned short cannot wrap
        if (len == s.length()) {
            for (int i = 0; i < len; i++) {
                out.put((byte) s.charAt(i));
            }
        } else {
            out.put(s.getBytes(StandardCharsets.UTF_8)); // valid Unicode, checked above: no replacement
        }
    }

    static String getString(ByteBuffer in) {
        int len = Short.toUnsignedInt(in.getShort());
        if (len > MAX_STRING) {
            throw new UndecodableRecordException(
                    UndecodableRecordException.Reason.INVALID_VALUE,
                    "string of " + len + " bytes exceeds " + MAX_STRING);
        }
        if (len > in.remaining()) {
            throw new java.nio.BufferUnderflowException();
        }
        byte[] array = in.array();
        int from = in.arrayOffset() + in.position();
        String s = isAscii(array, from, len)
                ? new String(array, from, len, StandardCharsets.US_ASCII)
                : strictUtf8(array, from, len);
        in.position(in.position() + len);
        return s;
    }

    /**
     * UTF-8 length of {@code s}, refusing what a reader would refuse. Thrown as {@link IllegalArgumentException}:
     * the value is a valid record the wire cannot carry, a programming or input-validation error of the writer.
     */
    private static int checkedLength(String s) {
        int len = utf8Length(s);
        if (len > MAX_STRING) {
            throw new IllegalArgumentException("string of " + len + " UTF-8 bytes exceeds the " + MAX_STRING
                    + " a reader accepts (starts '" + s.substring(0, Math.min(32, s.length())) + "')");
        }
        return len;
    }

    private static boolean isAscii(byte[] bytes, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static String strictUtf8(byte[] bytes, int from, int len) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, len))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UndecodableRecordException(
                    UndecodableRecordException.Reason.INVALID_VALUE, "string of " + len + " bytes is not valid UTF-8");
        }
    }

    static <E extends Enum<E>> E getEnum(ByteBuffer in, E[] values, String field) {
        int ordinal = Byte.toUnsignedInt(in.get());
        if (ordinal >= values.length) {
            throw new UndecodableRecordException(
                    UndecodableRecordException.Reason.INVALID_VALUE,
                    field + " ordinal " + ordinal + " unknown (known: 0.." + (values.length - 1) + ")");
        }
        return values[ordinal];
    }

    /** The writer writes 0 or 1; any other byte is garbage, not "true". */
    static boolean getBoolean(ByteBuffer in, String field) {
        byte b = in.get();
        if (b != 0 && b != 1) {
            throw new UndecodableRecordException(
                    UndecodableRecordException.Reason.INVALID_VALUE, field + " must be 0 or 1, was " + b);
        }
        return b == 1;
    }

    /** Exact UTF-8 length without encoding (this runs for every string of every record, twice). */
    private static int utf8Length(String s) {
        int n = s.length();
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(
                        "string has an unpaired surrogate at index " + i + ": UTF-8 cannot carry it");
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}

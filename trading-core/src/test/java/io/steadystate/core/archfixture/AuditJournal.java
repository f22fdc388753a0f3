package io.steadystate.core.archfixture;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * No collection in sight, yet three fields grow with every event: a StringBuilder, a ByteArrayOutputStream and a
 * BitSet indexed by sequence number. The build rule must reject all three.
 */
public class AuditJournal {
    private final StringBuilder journal = new StringBuilder();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final BitSet seen = new BitSet();

    public void onEvent(long sequence, String line) {
        journal.append(line).append('\n');
        raw.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        seen.set((int) sequence);
    }
}

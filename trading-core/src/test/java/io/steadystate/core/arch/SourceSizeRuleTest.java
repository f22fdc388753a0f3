package io.steadystate.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSizeRuleTest {

    @Test
    void namesEveryFileOverTheLimit(@TempDir Path src) throws Exception {
        Files.createDirectories(src.resolve("a/b"));
        Files.writeString(src.resolve("a/Small.java"), "x\n".repeat(400));
        Files.writeString(src.resolve("a/b/Big.java"), "x\n".repeat(401));
        Files.writeString(src.resolve("a/b/notes.txt"), "x\n".repeat(900));
        assertThat(SourceSizeRule.oversized(src, 400)).containsExactly(Path.of("a/b/Big.java") + " (401)");
        assertThatThrownBy(() -> SourceSizeRule.check(src, 400)).hasMessageContaining("Big.java (401)");
    }

    @Test
    void tradingCoreHoldsIt() {
        SourceSizeRule.checkThisModule();
    }
}

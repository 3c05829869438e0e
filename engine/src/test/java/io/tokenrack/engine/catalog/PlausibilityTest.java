package io.tokenrack.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Positive but absurd catalog figures (they evaluated "OK" at 0 tokens/s) are refused when the
 * presets load, naming the file and line, the entry's path and id, the field and the range.
 */
class PlausibilityTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> absurd() {
        return Stream.of(
                Arguments.of("\"memBandwidthTBps\": 3.35", "\"memBandwidthTBps\": 5e-324", "memBandwidthTBps",
                        "4.9E-324 is not plausible for h100-sxm: expected 0.01 to 50000 TB/s"),
                Arguments.of("\"tdpWatts\": 700,", "\"tdpWatts\": 1.7e308,", "tdpWatts",
                        "1.7E308 is not plausible for h100-sxm: expected 1 to 100000 W"),
                Arguments.of("\"memoryGB\": 80,", "\"memoryGB\": 0.000001,", "memoryGB",
                        "0.000001 is not plausible for h100-sxm: expected 0.01 to 100000 GB"));
    }

    @ParameterizedTest
    @MethodSource("absurd")
    void anAbsurdAcceleratorFigureIsRefusedWithItsRange(String good, String bad, String field, String reason) throws IOException {
        Path presets = copyOfBundledPresets();
        Path file = presets.resolve("hardware/accelerators.json");
        String text = Files.readString(file);
        int h100 = text.indexOf("\"id\": \"h100-sxm\"");
        int at = text.indexOf(good, h100);
        Files.writeString(file, text.substring(0, at) + bad + text.substring(at + good.length()));
        int line = (int) text.substring(0, at).lines().count();

        PresetException e = assertThrows(PresetException.class, () -> CatalogLoader.load(presets));

        assertEquals(file.toString(), e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field().substring(e.field().lastIndexOf('.') + 1), e.getMessage());
        assertEquals(true, e.field().startsWith("accelerators["), e.getMessage());
        assertEquals(reason, e.reason());
    }

    private Path copyOfBundledPresets() throws IOException {
        Path root = Path.of("../presets");
        for (String folder : new String[] {"hardware", "models"}) {
            Files.createDirectories(tmp.resolve(folder));
            try (var files = Files.list(root.resolve(folder))) {
                for (Path f : files.toList()) {
                    Files.copy(f, tmp.resolve(folder).resolve(f.getFileName()));
                }
            }
        }
        return tmp;
    }
}

package dev.runlist.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Summarises the load averages that {@code run.sh} sampled from {@code /proc/loadavg} during a run (one
 * line per sample: the file's own line), so each table says how busy the shared machine was.
 */
final class LoadSamples {

    private LoadSamples() {
    }

    /** One line: the 1-minute load average at the first sample, its minimum, median and maximum, and the last. */
    static String summary(Path samples) throws IOException {
        List<Double> loads = new ArrayList<>();
        for (String line : Files.readAllLines(samples)) {
            String[] fields = line.trim().split("\\s+");
            if (!fields[0].isEmpty()) {
                loads.add(Double.parseDouble(fields[0]));
            }
        }
        if (loads.isEmpty()) {
            return "Load average: no samples in " + samples;
        }
        List<Double> sorted = new ArrayList<>(loads);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "Load average (1 min, %d cores) during the run: %.2f at the start, %.2f at the end;"
                + " over %d samples min %.2f, median %.2f, max %.2f.", Runtime.getRuntime().availableProcessors(),
                loads.get(0), loads.get(loads.size() - 1), loads.size(), sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
    }
}

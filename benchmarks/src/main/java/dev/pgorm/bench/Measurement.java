package dev.pgorm.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The repetition times of one side of a case, in milliseconds, with median and spread. */
public final class Measurement {

    private final List<Double> millis = new ArrayList<>();

    void add(double ms) {
        millis.add(ms);
    }

    /** Returns the number of repetitions. */
    public int count() {
        return millis.size();
    }

    /** Returns the median time. */
    public double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        if (n == 0) {
            throw new IllegalStateException("no repetitions measured");
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Returns the fastest repetition. */
    public double min() {
        return sorted().get(0);
    }

    /** Returns the slowest repetition. */
    public double max() {
        List<Double> sorted = sorted();
        return sorted.get(sorted.size() - 1);
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted;
    }

    /** Formats as {@code median ms (min-max)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%.1f ms (%.1f-%.1f)", median(), min(), max());
    }
}

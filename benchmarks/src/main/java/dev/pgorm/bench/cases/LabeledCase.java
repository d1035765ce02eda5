package dev.pgorm.bench.cases;

import dev.pgorm.bench.BenchmarkCase;

/** A case whose name, two sides' descriptions and target are given when it is made. */
abstract class LabeledCase implements BenchmarkCase {

    private final String name;
    private final String baseline;
    private final String ours;
    private final double target;

    LabeledCase(String name, String baseline, String ours, double target) {
        this.name = name;
        this.baseline = baseline;
        this.ours = ours;
        this.target = target;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String baseline() {
        return baseline;
    }

    @Override
    public final String ours() {
        return ours;
    }

    @Override
    public final double target() {
        return target;
    }
}

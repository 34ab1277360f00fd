package org.gdcert.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Iterate;

/** A test monitor that keeps (step, t, Φ, W_1, …, W_L) of every iterate it sees. */
final class Capture implements Monitor {
    record Point(long step, double time, double loss, List<HostMatrix> weights) {
    }

    final List<Point> points = new ArrayList<>();

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public double[] observe(Iterate it) {
        points.add(new Point(it.step(), it.time(), it.loss(), it.network().parameters().downloadWeights()));
        return new double[0];
    }

    Point at(double t) {
        return points.stream().filter(p -> p.time() == t).findFirst()
                .orElseThrow(() -> new AssertionError("no iterate recorded at t = " + t + "; times "
                        + points.stream().map(Point::time).toList()));
    }
}

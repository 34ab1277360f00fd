package org.gdcert.core.monitors;

import java.util.List;
import java.util.Objects;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.spi.MonitorProvider;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Iterate;

/**
 * {@code error}: classification error. {@code train_error} is the fraction of training samples
 * misclassified; in a run with held-out data ({@code holdout} in a script) also
 * {@code holdout_loss}, Φ = ½‖F_L(X_h) − Y_h‖²_F on the held-out set (the definition of the
 * {@code loss} column), and {@code holdout_error}.
 *
 * <p>A sample is misclassified when, for n_L ≥ 2 outputs, the index of the largest output differs
 * from the index of the largest target (ties go to the first index, as numpy's {@code argmax}), and
 * for n_L = 1 when the sign of the output differs from the sign of the target, 0 counting as + for
 * both.
 *
 * <p>The monitor a provider creates sees no held-out data; the runner gives a run's held-out data
 * (on its backend) to it, as to every monitor, with {@link Monitor#withHoldout}.
 */
public final class ErrorMonitorProvider implements MonitorProvider {
    /** The plugin's name. */
    public static final String NAME = "error";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "classification error on the training data (argmax, or sign for one output), and loss and error on "
                + "the held-out data of a 'holdout' statement";
    }

    @Override
    public Monitor create(ValidatedParams params) {
        return new ClassificationError(null, null);
    }

    /**
     * The fraction of rows of {@code outputs} classified differently from {@code targets}: argmax
     * against argmax for two or more columns, sign against sign (0 as +) for one. NaN for no rows.
     */
    public static double errorRate(HostMatrix outputs, HostMatrix targets) {
        if (outputs.rows() != targets.rows() || outputs.cols() != targets.cols()) {
            throw new IllegalArgumentException("outputs are " + outputs.rows() + "x" + outputs.cols() + " but targets "
                    + targets.rows() + "x" + targets.cols());
        }
        int n = outputs.rows();
        if (n == 0) {
            return Double.NaN;
        }
        int wrong = 0;
        for (int i = 0; i < n; i++) {
            if (outputs.cols() == 1) {
                wrong += (outputs.get(i, 0) >= 0) != (targets.get(i, 0) >= 0) ? 1 : 0;
            } else {
                wrong += argmax(outputs, i) != argmax(targets, i) ? 1 : 0;
            }
        }
        return (double) wrong / n;
    }

    /** The first column of row {@code i} holding the row's largest value (NaN never wins). */
    static int argmax(HostMatrix m, int i) {
        int best = 0;
        for (int j = 1; j < m.cols(); j++) {
            if (m.get(i, j) > m.get(i, best) || Double.isNaN(m.get(i, best))) {
                best = j;
            }
        }
        return best;
    }

    /** The monitor: {@code train_error}, and with held-out data {@code holdout_loss} and {@code holdout_error}. */
    public static final class ClassificationError implements Monitor {
        private final Matrix holdoutInputs;
        private final Matrix holdoutTargets;
        private HostMatrix trainTargets;
        private HostMatrix holdoutHostTargets;
        private ForwardPass holdoutPass;

        ClassificationError(Matrix holdoutInputs, Matrix holdoutTargets) {
            this.holdoutInputs = holdoutInputs;
            this.holdoutTargets = holdoutTargets;
        }

        /** This monitor evaluating also on held-out inputs and targets (on the run's backend). */
        @Override
        public ClassificationError withHoldout(Matrix inputs, Matrix targets) {
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(targets, "targets");
            if (inputs.rows() != targets.rows()) {
                throw new IllegalArgumentException("held-out inputs have " + inputs.rows() + " rows but targets "
                        + targets.rows());
            }
            return new ClassificationError(inputs, targets);
        }

        /** Whether held-out data were given. */
        public boolean hasHoldout() {
            return holdoutInputs != null;
        }

        @Override
        public List<String> columns() {
            return hasHoldout() ? List.of("train_error", "holdout_loss", "holdout_error") : List.of("train_error");
        }

        @Override
        public double[] observe(Iterate it) {
            Network net = it.network();
            if (trainTargets == null) {
                trainTargets = net.backend().download(it.targets());
            }
            double train = errorRate(net.backend().download(it.forward().output()), trainTargets);
            if (!hasHoldout()) {
                return new double[] {train};
            }
            if (holdoutPass == null) {
                holdoutPass = net.newForwardPass(holdoutInputs.rows());
                holdoutHostTargets = net.backend().download(holdoutTargets);
            }
            net.forward(holdoutInputs, holdoutPass);
            double loss = net.loss(holdoutPass, holdoutTargets);
            double error = errorRate(net.backend().download(holdoutPass.output()), holdoutHostTargets);
            return new double[] {train, loss, error};
        }
    }
}

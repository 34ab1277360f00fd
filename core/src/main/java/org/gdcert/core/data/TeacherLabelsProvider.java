package org.gdcert.core.data;

import java.util.Optional;
import java.util.OptionalDouble;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.LabelSource;
import org.gdcert.core.spi.LabelSourceProvider;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code teacher(width=100, act="tanh", outputs=1, w_std=auto, v_std=auto)}: the labels of a random
 * two-layer teacher network, Y = σ(X W) V, with W (d × width) of independent N(0, w_std²) entries
 * and V (width × outputs) of N(0, v_std²) entries; by default w_std = 1/√d and v_std = 1/√width, so
 * that pre-activations and labels are of order one for inputs of norm √d. The activation is looked
 * up by name among the activation plugins. The teacher's weights come from the run's
 * {@code teacher} stream: the same seed gives the same teacher.
 */
public final class TeacherLabelsProvider implements LabelSourceProvider {

    @Override
    public String name() {
        return "teacher";
    }

    @Override
    public String description() {
        return "labels of a random two-layer teacher network Y = act(X W) V";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(
                ParameterSpec.integer("width", 100, "number of hidden units of the teacher").withRange(1, 1 << 24),
                ParameterSpec.string("act", "tanh", "activation of the hidden layer (an activation plugin name)"),
                Specs.outputs(),
                ParameterSpec.real("w_std", 1, "standard deviation of the first-layer weights; auto: 1/sqrt(d)")
                        .positive().withSymbols("auto").withSymbolDefault("auto"),
                ParameterSpec.real("v_std", 1, "standard deviation of the output weights; auto: 1/sqrt(width)")
                        .positive().withSymbols("auto").withSymbolDefault("auto"));
    }

    @Override
    public LabelSource create(ValidatedParams params) {
        return new Teacher(params.getInt("width"), params.getString("act"), params.getInt("outputs"),
                optional(params, "w_std"), optional(params, "v_std"));
    }

    private static OptionalDouble optional(ValidatedParams p, String name) {
        return p.symbol(name).isPresent() ? OptionalDouble.empty() : OptionalDouble.of(p.getDouble(name));
    }

    /** The source; empty scales mean the defaults 1/√d and 1/√width. */
    record Teacher(int width, String act, int outputs, OptionalDouble wStd, OptionalDouble vStd)
            implements LabelSource {
        @Override
        public HostMatrix labels(Dataset data, DataContext context) {
            Optional<Activation> found = context.activations().apply(act);
            Activation sigma = found.orElseThrow(() -> new DataException("labels teacher: unknown activation '"
                    + act + "'"));
            Weights w = weights(data.dimension(), context);
            HostMatrix h = data.inputs().times(w.first());
            sigma.apply(h.data(), 0, h.data(), 0, h.data().length);
            return h.times(w.second());
        }

        /** The teacher's weights for inputs of dimension {@code d}: W (d × width) and V (width × outputs). */
        Weights weights(int d, DataContext context) {
            Rng rng = context.rng().stream("teacher");
            HostMatrix w = new HostMatrix(d, width);
            rng.fillGaussian(w.data(), wStd.orElse(1 / Math.sqrt(d)));
            HostMatrix v = new HostMatrix(width, outputs);
            rng.fillGaussian(v.data(), vStd.orElse(1 / Math.sqrt(width)));
            return new Weights(w, v);
        }

        @Override
        public String toString() {
            return "teacher(width=" + width + ", act=" + act + ", outputs=" + outputs + ", w_std="
                    + (wStd.isPresent() ? ParamValue.Num.of(wStd.getAsDouble()).render() : "auto") + ", v_std="
                    + (vStd.isPresent() ? ParamValue.Num.of(vStd.getAsDouble()).render() : "auto") + ")";
        }
    }

    /** First- and second-layer weights of a teacher. */
    record Weights(HostMatrix first, HostMatrix second) {
    }

}

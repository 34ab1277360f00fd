package org.gdcert.core.testing;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.BackendProvider;
import org.gdcert.core.spi.DataSource;
import org.gdcert.core.spi.DataSourceProvider;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.Optimizer;
import org.gdcert.core.spi.OptimizerProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Decision;
import org.gdcert.core.train.Objective;
import org.gdcert.core.train.TrainingControl;
import org.gdcert.core.train.TrainingProblem;
import org.gdcert.core.train.TrainingResult;

/**
 * Minimal providers for core's run-engine tests: a Gaussian data source with Gaussian targets,
 * a scaled-Gaussian initializer, tanh, the reference backend, and plain gradient descent.
 */
public final class TestPlugins {
    private TestPlugins() {
    }

    public static final class TestData implements DataSourceProvider {
        @Override
        public String name() {
            return "testdata";
        }

        @Override
        public String description() {
            return "Gaussian inputs and targets";
        }

        @Override
        public ParameterSchema parameters() {
            return ParameterSchema.of(ParameterSpec.integer("n", 8, "samples").positive(),
                    ParameterSpec.integer("d", 3, "dimension").positive(),
                    ParameterSpec.integer("k", 1, "outputs").positive());
        }

        @Override
        public DataSource create(ValidatedParams p) {
            int n = p.getInt("n");
            int d = p.getInt("d");
            int k = p.getInt("k");
            return ctx -> {
                HostMatrix x = new HostMatrix(n, d);
                HostMatrix y = new HostMatrix(n, k);
                ctx.rng().fillGaussian(x.data(), 1);
                ctx.rng().fillGaussian(y.data(), 1);
                return new Dataset(x, Optional.of(y), Optional.empty(), "testdata " + n + "x" + d);
            };
        }
    }

    public static final class TestInit implements InitializerProvider {
        @Override
        public String name() {
            return "testinit";
        }

        @Override
        public String description() {
            return "N(0, scale²/fan_in)";
        }

        @Override
        public ParameterSchema parameters() {
            return ParameterSchema.of(ParameterSpec.real("scale", 1, "scale").nonNegative());
        }

        @Override
        public Initializer create(ValidatedParams p) {
            double s = p.getDouble("scale");
            return (layer, w, rng) -> rng.fillGaussian(w.data(), s / Math.sqrt(layer.fanIn()));
        }
    }

    /** A provider without parameters whose activation is {@code a}, under {@code name}. */
    public static ActivationProvider activation(String name, String description, Activation a) {
        return new ActivationProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public Activation create(ValidatedParams p) {
                return a;
            }
        };
    }

    public static final class Reference implements BackendProvider {
        @Override
        public String name() {
            return "reference";
        }

        @Override
        public String description() {
            return "textbook loops";
        }

        @Override
        public Backend create(ValidatedParams p) {
            return new ReferenceBackend(Precision.DOUBLE);
        }
    }

    /** Full-batch gradient descent with a constant step η (also accepting the words auto and certified). */
    public static final class PlainGd implements OptimizerProvider {
        private final String name;
        private final String description;

        /** Under the name {@code plaingd}. */
        public PlainGd() {
            this("plaingd", "gradient descent for tests");
        }

        /** Under another name (the name a checker covers, say). */
        public PlainGd(String name, String description) {
            this.name = name;
            this.description = description;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public ParameterSchema parameters() {
            return ParameterSchema.of(ParameterSpec.realRequired("eta", "step").positive()
                    .withSymbols("auto", "certified"));
        }

        @Override
        public Optimizer create(ValidatedParams p) {
            double eta = p.getDouble("eta");
            return new Optimizer() {
                @Override
                public Axis axis() {
                    return Axis.STEP;
                }

                @Override
                public OptionalDouble stepSize() {
                    return OptionalDouble.of(eta);
                }

                @Override
                public TrainingResult train(TrainingProblem problem, TrainingControl control) {
                    ParameterSet theta = problem.network().parameters();
                    try (Objective o = new Objective(problem); ParameterSet g = theta.zerosLike()) {
                        for (long k = 0;; k++) {
                            double phi = o.loss();
                            Decision d = control.observe(k, k * eta, phi, false);
                            if (d.shouldStop()) {
                                return new TrainingResult(d.stop().get(), d.message(), k, k * eta, phi,
                                        o.gradientEvaluations(), Map.of());
                            }
                            o.gradientAtLastLoss(g);
                            theta.axpyInPlace(-eta, g);
                        }
                    }
                }
            };
        }
    }

    /** All of the above, registered explicitly. */
    public static Plugins plugins() {
        return Plugins.builder().add(new TestData()).add(new TestInit())
                .add(activation("tanh", "tanh", TestActivations.TANH)).add(new Reference()).add(new PlainGd()).build();
    }
}

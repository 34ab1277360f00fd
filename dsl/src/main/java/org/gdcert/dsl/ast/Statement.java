package org.gdcert.dsl.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One statement of an experiment. Each knows the keyword that begins it. */
public sealed interface Statement extends Node {

    /** The keyword that begins the statement ({@code net}, {@code seed}, ...). */
    String keyword();

    /** A statement that may also be written as a clause of {@code net}. */
    sealed interface NetClause extends Statement {
    }

    /** {@code data sphere(n=100, d=10) labels signs}. */
    record Data(Call source, Optional<Call> labels, SourcePosition position) implements Statement {
        public Data {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "data";
        }
    }

    /**
     * {@code holdout fashion_mnist(split=test, n=2000) labels onehot}: data the network is evaluated
     * on but not trained on; without labels, the training data's label source labels them.
     */
    record Holdout(Call source, Optional<Call> labels, SourcePosition position) implements Statement {
        public Holdout {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "holdout";
        }
    }

    /** {@code labels onehot}. */
    record Labels(Call source, SourcePosition position) implements Statement {
        public Labels {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "labels";
        }
    }

    /** {@code seed 42}. */
    record Seed(Expr value, SourcePosition position) implements Statement {
        public Seed {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "seed";
        }
    }

    /** {@code let m = 2*N}. */
    record Let(Name name, Expr value, SourcePosition position) implements Statement {
        public Let {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "let";
        }
    }

    /**
     * {@code net 784 -> N*N -> 64 -> 10 init lecun act smoothrelu(0.1,5) train gd eta=auto}: the
     * widths n_0 (the input dimension) to n_L and inline clauses.
     */
    record Net(List<Expr> widths, List<NetClause> clauses, SourcePosition position) implements Statement {
        public Net {
            widths = List.copyOf(widths);
            clauses = List.copyOf(clauses);
            Objects.requireNonNull(position, "position");
            if (widths.size() < 2) {
                throw new IllegalArgumentException("a net needs an input and an output width");
            }
        }

        /** L, the number of weight layers. */
        public int depth() {
            return widths.size() - 1;
        }

        @Override
        public String keyword() {
            return "net";
        }
    }

    /** {@code init lecun, layer 2: gaussian(var=0)}. */
    record Init(List<LayerCall> entries, SourcePosition position) implements NetClause {
        public Init {
            entries = List.copyOf(entries);
            Objects.requireNonNull(position, "position");
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("init needs an initializer");
            }
        }

        @Override
        public String keyword() {
            return "init";
        }
    }

    /** {@code act smoothrelu(0.1, 5)}, {@code act relu, layer 3: tanh}. */
    record Act(List<LayerCall> entries, SourcePosition position) implements NetClause {
        public Act {
            entries = List.copyOf(entries);
            Objects.requireNonNull(position, "position");
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("act needs an activation");
            }
        }

        @Override
        public String keyword() {
            return "act";
        }
    }

    /**
     * {@code train gd eta=auto}, {@code train sgd(batch=32, momentum=0.9) eta=0.01},
     * {@code train flow(rtol=1e-9) until t=50}. The options after the call are further named
     * arguments of the optimizer.
     */
    record Train(Call optimizer, List<Arg> options, Optional<Until> until, SourcePosition position)
            implements NetClause {
        public Train {
            Objects.requireNonNull(optimizer, "optimizer");
            options = List.copyOf(options);
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(position, "position");
            if (options.stream().anyMatch(o -> o.name().isEmpty())) {
                throw new IllegalArgumentException("train options are named");
            }
        }

        @Override
        public String keyword() {
            return "train";
        }
    }

    /** {@code bias} (every layer) or {@code bias layers 1..2}. */
    record Bias(Optional<LayerSelector> layers, SourcePosition position) implements NetClause {
        public Bias {
            Objects.requireNonNull(layers, "layers");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "bias";
        }
    }

    /** {@code freeze layer 2}. */
    record Freeze(LayerSelector layers, SourcePosition position) implements NetClause {
        public Freeze {
            Objects.requireNonNull(layers, "layers");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "freeze";
        }
    }

    /** {@code residual layers 2..4 scale=0.5}; without a selector, every hidden layer. */
    record Residual(Optional<LayerSelector> layers, List<Arg> options, SourcePosition position)
            implements NetClause {
        public Residual {
            Objects.requireNonNull(layers, "layers");
            options = List.copyOf(options);
            Objects.requireNonNull(position, "position");
            if (options.stream().anyMatch(o -> o.name().isEmpty())) {
                throw new IllegalArgumentException("residual options are named");
            }
        }

        @Override
        public String keyword() {
            return "residual";
        }
    }

    /** {@code parameterization ntk}. */
    record Parameterization(Name name, SourcePosition position) implements NetClause {
        public Parameterization {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "parameterization";
        }
    }

    /** {@code loss mean}. */
    record Loss(Name reduction, SourcePosition position) implements NetClause {
        public Loss {
            Objects.requireNonNull(reduction, "reduction");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "loss";
        }
    }

    /** {@code certify nguyen_mondelli, ntk}. */
    record Certify(List<Call> certificates, SourcePosition position) implements Statement {
        public Certify {
            certificates = List.copyOf(certificates);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "certify";
        }
    }

    /** {@code monitor ntk every 10}. */
    record Monitor(List<Call> monitors, Optional<Expr> every, SourcePosition position) implements Statement {
        public Monitor {
            monitors = List.copyOf(monitors);
            Objects.requireNonNull(every, "every");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "monitor";
        }
    }

    /** {@code stop loss < 1e-8, steps 1000}. */
    record Stop(List<StopCondition> conditions, SourcePosition position) implements Statement {
        public Stop {
            conditions = List.copyOf(conditions);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "stop";
        }
    }

    /** {@code repeat 5}. */
    record Repeat(Expr count, SourcePosition position) implements Statement {
        public Repeat {
            Objects.requireNonNull(count, "count");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "repeat";
        }
    }

    /** {@code sweep m in [100, 200, 400]}, {@code sweep N in 10..100 step 10}. */
    record Sweep(Name variable, SweepDomain domain, SourcePosition position) implements Statement {
        public Sweep {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "sweep";
        }
    }

    /** {@code backend java(threads=2)}. */
    record Backend(Call backend, SourcePosition position) implements Statement {
        public Backend {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "backend";
        }
    }

    /** {@code output "runs/x"}. */
    record Output(Value.Text path, SourcePosition position) implements Statement {
        public Output {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String keyword() {
            return "output";
        }
    }
}

package org.gdcert.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.gdcert.core.io.Idx;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.ParameterException;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * Which images of an IDX pair to load and how: the parameters shared by {@code idx} and
 * {@code fashion_mnist}, and the loading itself.
 *
 * <p>Selection is deterministic. The class filter keeps the samples whose label is listed; then
 * {@code select=first} takes the first {@code n} of them after skipping {@code offset}, and
 * {@code select=random} takes a uniformly random {@code n}-subset drawn with {@code seed} (by default
 * the run's data seed), kept in file order. Pixels are scaled to [0, 1], then normalized. With a
 * class filter the k-th listed class becomes class k (so {@code classes=[3, 7]} gives classes 0 and
 * 1, and one-hot labels of width 2).
 *
 * @param n how many samples, empty for all that match
 * @param classes the classes to keep, empty for all
 * @param random random subset instead of the first ones
 * @param offset matching samples skipped before taking the first n
 * @param seed seed of the random subset, empty for the run's data stream
 * @param normalization the rescaling after [0, 1] scaling
 */
record IdxSelection(OptionalInt n, List<Integer> classes, boolean random, int offset, OptionalLong seed,
        Normalization normalization) {

    IdxSelection {
        classes = List.copyOf(classes);
    }

    /** The parameters, after those naming the files. */
    static List<ParameterSpec> specs() {
        List<ParameterSpec> s = new ArrayList<>(List.of(
                ParameterSpec.integer("n", 1, "number of samples; all: every sample that matches the class filter")
                        .withRange(1, Specs.MAX_COUNT).withSymbols("all").withSymbolDefault("all"),
                ParameterSpec.integerList("classes", List.of(), "classes to keep, e.g. [3, 7] (the k-th listed"
                        + " class becomes class k); empty: all classes").withRange(0, 255),
                ParameterSpec.choice("select", "first", List.of("first", "random"),
                        "which matching samples: first (in file order, after offset) or random (a seeded random"
                                + " subset, kept in file order)"),
                ParameterSpec.integer("offset", 0, "for select=first: matching samples skipped before the first"
                        + " one taken").withRange(0, Specs.MAX_COUNT),
                Specs.seed("the random subset (select=random)")));
        s.addAll(Normalization.specs());
        return s;
    }

    /** Reads and checks the shared parameters. */
    static IdxSelection from(String owner, ValidatedParams p) {
        List<ParameterSchema.Problem> problems = new ArrayList<>();
        OptionalInt n = p.symbol("n").isPresent() ? OptionalInt.empty() : OptionalInt.of(p.getInt("n"));
        List<Integer> classes = Arrays.stream(p.getIntList("classes")).boxed().toList();
        if (classes.stream().distinct().count() != classes.size()) {
            problems.add(new ParameterSchema.Problem(-1, "classes lists a class twice: " + classes));
        }
        boolean random = p.getString("select").equals("random");
        int offset = p.getInt("offset");
        if (random && offset != 0) {
            problems.add(new ParameterSchema.Problem(-1, "offset applies to select=first, not to select=random"));
        }
        OptionalLong seed = p.symbol("seed").isPresent() ? OptionalLong.empty() : OptionalLong.of(p.getLong("seed"));
        if (!random && p.isGiven("seed")) {
            problems.add(new ParameterSchema.Problem(-1, "seed applies to select=random, not to select=first"));
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(owner, problems);
        }
        return new IdxSelection(n, classes, random, offset, seed, Normalization.from(owner, p));
    }

    /**
     * Loads the selected samples.
     *
     * @param title how the description names the data ({@code fashion-mnist train})
     */
    Dataset load(DataContext context, Path images, Optional<Path> labels, String title) {
        if (!classes.isEmpty() && labels.isEmpty()) {
            throw new DataException(images + ": classes=" + classes + " needs a labels file");
        }
        Idx.Images img = Idx.readImages(images);
        int[] lab = null;
        if (labels.isPresent()) {
            lab = Idx.readLabels(labels.get());
            if (lab.length != img.count()) {
                throw new DataException(labels.get() + ": " + lab.length + " labels, but " + images + " holds "
                        + img.count() + " images");
            }
        }
        int[] matching = matching(img.count(), lab);
        String which = classes.isEmpty() ? "" : " of classes " + classText();
        int want = n.orElse(Math.max(0, matching.length - offset));
        if (want == 0 || (long) offset + want > matching.length) {
            throw new DataException(images + ": asked for " + (n.isPresent() ? want : "all") + " samples" + which
                    + (offset > 0 ? " after skipping " + offset : "") + ", but the file has " + matching.length
                    + " such samples");
        }
        int[] chosen;
        if (random) {
            Rng rng = seed.isPresent() ? Rng.of(seed.getAsLong()).stream("subset") : context.rng().stream("subset");
            chosen = randomSubset(matching, want, rng);
        } else {
            chosen = Arrays.copyOfRange(matching, offset, offset + want);
        }
        int ppi = img.pixelsPerImage();
        HostMatrix x = new HostMatrix(chosen.length, ppi);
        for (int k = 0; k < chosen.length; k++) {
            img.copyDivided(chosen[k], 255, x.data(), k * ppi);
        }
        Optional<int[]> cls = Optional.empty();
        if (lab != null) {
            int[] c = new int[chosen.length];
            for (int k = 0; k < chosen.length; k++) {
                c[k] = classes.isEmpty() ? lab[chosen[k]] : classes.indexOf(lab[chosen[k]]);
            }
            cls = Optional.of(c);
        }
        String norm = normalization.applyInPlace(x, images.toString());
        String how = random ? "random subset" + (seed.isPresent() ? " (seed " + seed.getAsLong() + ")" : "")
                : "first" + (offset > 0 ? " after skipping " + offset : "");
        String desc = title + ": " + chosen.length + " of " + matching.length + " samples" + which
                + (classes.isEmpty() ? "" : " (as 0.." + (classes.size() - 1) + ")") + ", " + how + "; "
                + img.rows() + "x" + img.cols() + " pixels scaled to [0, 1], " + norm;
        return new Dataset(x, Optional.empty(), cls, desc);
    }

    private String classText() {
        return classes.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    private int[] matching(int count, int[] lab) {
        if (classes.isEmpty()) {
            int[] all = new int[count];
            Arrays.setAll(all, i -> i);
            return all;
        }
        boolean[] keep = new boolean[256];
        for (int c : classes) {
            keep[c] = true;
        }
        return java.util.stream.IntStream.range(0, count).filter(i -> keep[lab[i]]).toArray();
    }

    /** A uniformly random {@code k}-subset of {@code from} (partial Fisher–Yates), in ascending order. */
    static int[] randomSubset(int[] from, int k, Rng rng) {
        int[] a = from.clone();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        int[] r = Arrays.copyOf(a, k);
        Arrays.sort(r);
        return r;
    }
}

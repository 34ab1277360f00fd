package org.gdcert.core.spi;

import org.gdcert.core.linalg.HostMatrix;

/** Produces targets Y (N × k) for a dataset: ±1 balanced, Gaussian, one-hot classes, a teacher network. */
public interface LabelSource {

    HostMatrix labels(Dataset data, DataContext context);
}

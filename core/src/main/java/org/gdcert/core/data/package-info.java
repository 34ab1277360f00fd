/**
 * The built-in data sources ({@code sphere}, {@code gaussian}, {@code csv}, {@code npy}, {@code idx},
 * {@code fashion_mnist}) and label sources ({@code signs}/{@code pm1}, {@code gaussian},
 * {@code onehot}, {@code teacher}, {@code linear}, {@code source}), found by ServiceLoader, and
 * {@link org.gdcert.core.data.Datasets#fingerprint} for provenance. Random draws come from named
 * streams of the run's generator ({@code data}, {@code labels}, {@code teacher}, {@code linear},
 * {@code subset}), so that changing one source does not change the draws of another.
 */
package org.gdcert.core.data;

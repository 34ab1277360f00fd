/**
 * Checkers for seed 000 (Nguyen &amp; Mondelli 2020, Theorem 3.2: {@code nguyen_mondelli}) and seed
 * 001 (Nguyen 2021, Theorem 2.2 with the corrected condition (9): {@code nguyen_relu}), with their
 * trajectory monitors (spec certificates-nguyen.md).
 */
package org.gdcert.certificates.nguyen;

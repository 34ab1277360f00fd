/**
 * Numerical kernels shared by the certificates: the expected Gram matrix G_* and λ_* (closed forms
 * and Gauss–Hermite), Gram matrices on the run's backend, and the safe-side extreme eigenvalues and
 * singular values (EJML behind {@link org.gdcert.certificates.kernels.Spectral}); and the bookkeeping
 * the checkers share (monitored checks, assessments by report).
 */
package org.gdcert.certificates.kernels;

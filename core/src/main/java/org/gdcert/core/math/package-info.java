/**
 * Special functions and quadrature shared by activation plugins and certificates: erf, erfc, erfcx
 * (W. J. Cody's rational Chebyshev approximations), the standard normal density and distribution
 * function accurate in both tails, Gaussian pair expectations of ReLU-type functions, and
 * Gauss–Hermite rules by Golub–Welsch.
 *
 * <p>Everything here is a static, allocation-free function of doubles (apart from the quadrature
 * rules), safe to call from any thread.
 */
package org.gdcert.core.math;

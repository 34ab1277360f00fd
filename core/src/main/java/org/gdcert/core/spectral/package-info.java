/**
 * The spectral toolkit: extreme singular values and eigenvalues of the matrices the certificates
 * name, without full decompositions of large matrices.
 *
 * <p>Entry points: {@link org.gdcert.core.spectral.SpectralSolver} (configured, returns
 * {@link org.gdcert.core.spectral.SpectralResult}s that say how each number was obtained and how
 * far it can be off) and {@link org.gdcert.core.spectral.Spectral} (static one-liners returning
 * plain doubles). Matrices are given explicitly ({@link org.gdcert.core.linalg.HostMatrix}) or as
 * products ({@link org.gdcert.core.spectral.LinearOperator},
 * {@link org.gdcert.core.spectral.SymmetricOperator}; {@link org.gdcert.core.spectral.NetworkJacobian}
 * wraps a network's JVP/VJP so the empirical NTK K = J Jᵀ needs no Jacobian in memory).
 *
 * <h2>Three meanings of "smallest singular value"</h2>
 * <ul>
 *   <li>{@code sigmaMin(A)} = σ_{min(m,n)}(A), the usual smallest singular value of an m×n matrix
 *       (certificates-nguyen.md §0.4, "for a general A"; the tall W_l of P0).</li>
 *   <li>{@code sigmaN(F)} = σ_N(F) for F ∈ R^{N×n}: the N-th largest singular value, <b>0 when
 *       n &lt; N</b> (certificates-nguyen.md §0.4: λ_F, α_0 — "full row rank" roles; the proofs use
 *       ‖Fᵀv‖ ≥ σ_N(F)‖v‖). Equals sqrt(λ_min(F Fᵀ)).</li>
 *   <li>{@code sigmaMinOperator(A)} = sqrt(λ_min(AᵀA)) for A ∈ R^{p×q}: A as an operator on R^q,
 *       <b>0 whenever p &lt; q</b> (certificates-song.md §1.3: μ = σ_min(φ(W0X)), 0 if d1 &lt; n).
 *       Note sigmaMinOperator(A) = sigmaN(Aᵀ).</li>
 * </ul>
 *
 * <h2>Routes</h2>
 * For an explicit matrix the default route forms the Gram matrix of the smaller side (blocked,
 * multi-threaded, or a {@link org.gdcert.core.spi.Backend}'s GEMM), factors it by Cholesky and runs
 * inverse Lanczos for the smallest eigenvalue and Lanczos for the largest. Its relative error on
 * σ_min grows like ε·κ²; when κ is large the solver switches to a direct route on the matrix itself.
 * Bounds can be verified: a Cholesky factorization of a shifted Gram proves, under the IEEE
 * standard model of rounding, that the interval reported contains the exact value.
 */
package org.gdcert.core.spectral;

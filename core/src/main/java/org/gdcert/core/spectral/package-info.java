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
 * <h2>Routes (explicit matrices)</h2>
 * <ul>
 *   <li><b>GRAM</b>: the p×p Gram of the smaller side (p = min(m,n); blocked, multi-threaded, or a
 *       {@link org.gdcert.core.spi.Backend}'s GEMM), Cholesky + inverse Lanczos for λ_min, Lanczos for
 *       λ_max. Fast (O(p²·max(m,n))), but its relative error on σ_min grows like ε·κ²
 *       (certificates-nguyen.md §1.6 step 5).</li>
 *   <li><b>QR</b>: a blocked Householder LQ of A itself and inverse Lanczos with L; σ_min and its
 *       residual bound are evaluated on A, so the error is O(ε‖A‖) absolute. About twice the Gram
 *       route's cost.</li>
 *   <li><b>AUTO</b> (default): GRAM, then QR for σ_min when κ exceeds a threshold (1e4 by default) or
 *       the Gram matrix is singular to working precision.</li>
 *   <li><b>DENSE</b>: EJML's full SVD / symmetric eigendecomposition, for small matrices and checks.</li>
 *   <li><b>OPERATOR</b>: Lanczos on A(Aᵀx), no matrix formed.</li>
 * </ul>
 *
 * <h2>Safe sides for certificates</h2>
 * Lanczos and power iteration give <i>lower</i> estimates of λ_max and ‖W‖₂
 * (certificates-nguyen.md §1.6, "Conservative rounding"). Every result therefore carries an
 * interval [lower, upper] and says what it rests on ({@link org.gdcert.core.spectral.SpectralResult.Bound}).
 * On the Gram route with {@code verify} (the default) both ends are <i>proven</i> under the IEEE
 * standard model: the Rayleigh quotient gives one side, a Cholesky factorization of a shifted Gram
 * matrix the other, and the rounding of the Gram product and of the factorization is included. A
 * certificate reads {@code upper()} of σ_max / λ_max and {@code lower()} of σ_min / λ_min.
 */
package org.gdcert.core.spectral;

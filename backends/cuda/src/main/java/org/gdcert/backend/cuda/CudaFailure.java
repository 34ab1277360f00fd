package org.gdcert.backend.cuda;

/**
 * A CUDA operation failed. The message is one sentence for the user (no Java exception names, no
 * stack trace), starting with {@code cuda:}.
 */
public final class CudaFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CudaFailure(String message) {
        super(message);
    }
}

/**
 * The CUDA backend: matrices live on an NVIDIA GPU for the whole run, and gdcert's own CUDA C kernels
 * (compiled to PTX, loaded through the CUDA driver API with JCuda) do the work. Optional: on a machine
 * without a CUDA driver or GPU the provider reports itself unavailable with the reason.
 */
module org.gdcert.backend.cuda {
    requires org.gdcert.core;
    requires jcuda;

    provides org.gdcert.core.spi.BackendProvider with org.gdcert.backend.cuda.CudaBackendProvider;
}

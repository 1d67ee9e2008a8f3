package dev.earshot.whisper;

/**
 * How a model is run.
 *
 * @param variant which ONNX files: "quantized" (int8, the default), "fp16", or "" for fp32 — the
 *     suffix of {@code onnx/encoder_model_<variant>.onnx}
 * @param intraOpThreads threads one encoder operator may use; 0 means one per core
 * @param decoderThreads threads one decoder operator may use: one leaves a core free to encode the
 *     next chunk meanwhile; with nothing waiting to be encoded, a thread per core decodes faster
 *     (the vocabulary projection dominates a step); 0 means one per core
 * @param interOpThreads threads running independent operators in parallel; 1 is right for Whisper's
 *     sequential graphs
 * @param cuda try the CUDA execution provider (needs the onnxruntime_gpu build); CPU otherwise
 * @param cudaDevice which GPU
 */
public record WhisperOptions(
    String variant,
    int intraOpThreads,
    int decoderThreads,
    int interOpThreads,
    boolean cuda,
    int cudaDevice) {

  public WhisperOptions {
    if (variant == null) {
      variant = "";
    }
    if (intraOpThreads < 0 || decoderThreads < 0 || interOpThreads < 0) {
      throw new IllegalArgumentException(
          "thread counts must be >= 0, got intra-op "
              + intraOpThreads
              + ", decoder "
              + decoderThreads
              + " and inter-op "
              + interOpThreads);
    }
    if (cudaDevice < 0) {
      throw new IllegalArgumentException("cudaDevice must be >= 0, got " + cudaDevice);
    }
  }

  public static WhisperOptions defaults() {
    return new WhisperOptions("quantized", 0, 1, 1, false, 0);
  }

  public WhisperOptions withThreads(int intraOp) {
    return new WhisperOptions(variant, intraOp, decoderThreads, interOpThreads, cuda, cudaDevice);
  }

  public WhisperOptions withDecoderThreads(int threads) {
    return new WhisperOptions(variant, intraOpThreads, threads, interOpThreads, cuda, cudaDevice);
  }

  public WhisperOptions withCuda(boolean useCuda) {
    return new WhisperOptions(
        variant, intraOpThreads, decoderThreads, interOpThreads, useCuda, cudaDevice);
  }

  String suffix() {
    return variant.isEmpty() ? "" : "_" + variant;
  }
}

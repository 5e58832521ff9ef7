package io.kadam.optimizer;

/** Where Algorithm 1 applies the weight decay λ. */
public enum WeightDecay {
    /** Adam's L2 form: λθ is added to the gradient before the first normalization. */
    COUPLED,
    /** AdamW's form: λθ is added to the normalized update, outside every level. */
    DECOUPLED
}

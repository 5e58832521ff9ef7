package io.kadam.optimizer.theory;

/**
 * A point on a curve section together with its arc-length position s, measured in the (β, γ)
 * plane from the section's low-β end.
 */
public record CurvePoint(double s, AdamPoint point) {}
